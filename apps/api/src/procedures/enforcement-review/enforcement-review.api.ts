import { cite } from '../../../../../libs/domain/src/legal-bases';
import type { EnforcementReviewTaskKind } from '../../../../../libs/domain/src/procedures/enforcement-review/enforcement-review.definition';
import {
  EnforcementReviewStage as Stage,
  erAcceptMaterialsUpdate,
  erArchiveCaseUpdate,
  erDecideExtensionUpdate,
  erDecideTransferUpdate,
  erGiveConclusionUpdate,
  erRecordCollectiveUpdate,
  erRecordDecisionUpdate,
  erRecordDisclosureUpdate,
  erRecordTransferUpdate,
  erReportRevocationUpdate,
  erRequestExtensionUpdate,
  erRequestMaterialsUpdate,
  erSubmitCaseUpdate,
  erWithdrawDisclosureUpdate,
} from '../../../../../libs/domain/src/procedures/enforcement-review/enforcement-review.contract';
import { Role } from '../../../../../libs/domain/src/roles';
import { stepsOf, type ProcedureApi } from '../procedure-api';
import {
  ArchiveCaseDto,
  CollectiveDto,
  DecideExtensionDto,
  DecideTransferDto,
  DisclosureDto,
  ErReasonDto,
  MissingMaterialsDto,
  NoBodyDto,
  RecordDecisionDto,
  RecordTransferDto,
  ReviewConclusionDto,
  SubmitCaseDto,
  WithdrawDisclosureDto,
} from './enforcement-review.dto';

type S = Stage;
type K = EnforcementReviewTaskKind;
const step = stepsOf<S, K>();
const CASE_UNIT = [Role.Drafter];
const REVIEWER = [Role.LegalAffairsOfficer];
const HEAD = [Role.Leader];

/**
 * The human steps of a major enforcement decision review (C1–C12). Case-unit steps are `OWN_DEPARTMENT`; review-body
 * and head steps close their open task (`TASK`); the workflow checks recusal, qualification and every gate.
 */
export const ENFORCEMENT_REVIEW_API: ProcedureApi<S, K> = {
  type: 'ENFORCEMENT_REVIEW',
  steps: {
    'submit-case': step({
      update: erSubmitCaseUpdate,
      body: SubmitCaseDto,
      args: (b) => ({
        materials: {
          ...b.materials,
          evidence: b.materials.evidence.map((e) => ({ ...e })),
          hearingRecordSha256: b.materials.hearingRecordSha256 ?? null,
        },
      }),
      summary: 'C1–C4: submit the case (facts, evidence, provisions, discretion, proposed decision, hearing record)',
      roles: CASE_UNIT,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.CasePreparation, Stage.MaterialsSupplement, Stage.Rework],
    }),
    'request-materials': step({
      update: erRequestMaterialsUpdate,
      body: MissingMaterialsDto,
      args: (b) => ({ missing: [...b.missing] }),
      summary: 'C5: the materials are incomplete: ask for a supplement (the review clock has not started)',
      roles: REVIEWER,
      scope: 'TASK',
      tasks: ['ER_INTAKE'],
      stages: [Stage.Intake],
    }),
    'accept-materials': step({
      update: erAcceptMaterialsUpdate,
      body: NoBodyDto,
      args: () => ({}),
      summary: 'C5: the materials are complete: the review period starts (G-C3)',
      roles: REVIEWER,
      scope: 'TASK',
      tasks: ['ER_INTAKE'],
      stages: [Stage.Intake],
    }),
    conclusion: step({
      update: erGiveConclusionUpdate,
      body: ReviewConclusionDto,
      args: (b) => ({ ...b, checklist: b.checklist.map((c) => ({ ...c })) }),
      summary: 'C6–C7: the written review conclusion against the checklist, bound to the text reviewed',
      gate: `The review starts only on complete materials accepted at intake (G-C3, ${cite('G118/14')}).`,
      roles: REVIEWER,
      scope: 'TASK',
      tasks: ['ER_REVIEW'],
      stages: [Stage.LegalReview],
    }),
    'request-extension': step({
      update: erRequestExtensionUpdate,
      body: ErReasonDto,
      args: (b) => ({ ...b }),
      summary: 'G-C4: ask for an extension of the review period',
      roles: REVIEWER,
      scope: 'TASK',
      tasks: ['ER_REVIEW'],
      stages: [Stage.LegalReview],
    }),
    'decide-extension': step({
      update: erDecideExtensionUpdate,
      body: DecideExtensionDto,
      args: (b) => ({ ...b }),
      summary: 'G-C4: the approver the policy names decides on the extension',
      roles: HEAD,
      scope: 'ANY',
      stages: [Stage.LegalReview],
    }),
    'decide-transfer': step({
      update: erDecideTransferUpdate,
      body: DecideTransferDto,
      args: (b) => ({ ...b }),
      summary: 'C10a: the head decides within 3 days whether to transfer a suspected crime',
      roles: HEAD,
      scope: 'TASK',
      tasks: ['ER_TRANSFER_DECISION'],
      stages: [Stage.CrimeTransfer],
    }),
    'record-transfer': step({
      update: erRecordTransferUpdate,
      body: RecordTransferDto,
      args: (b) => ({ ...b, materials: [...b.materials] }),
      summary: 'C10a: the transfer to the public-security organ, within 24 hours of approval',
      gate: `A transfer follows the head's approval (G-C7, ${cite('TRANSFER/5')}).`,
      roles: CASE_UNIT,
      scope: 'TASK',
      tasks: ['ER_TRANSFER'],
      stages: [Stage.TransferExecution],
    }),
    'collective-discussion': step({
      update: erRecordCollectiveUpdate,
      body: CollectiveDto,
      args: (b) => ({ ...b, participants: [...b.participants] }),
      summary: 'C9: the leaders’ collective discussion (complex or serious cases, or by sector policy)',
      roles: HEAD,
      scope: 'TASK',
      tasks: ['ER_COLLECTIVE'],
      stages: [Stage.CollectiveDiscussion],
    }),
    decision: step({
      update: erRecordDecisionUpdate,
      body: RecordDecisionDto,
      args: (b) => ({ ...b }),
      summary: 'C10: the decision, only on a passed review of the version decided (G-C1)',
      gate: `No decision without a passed legal review of the version decided (G-C1, ${cite('G118/14', 'APL/58')}).`,
      roles: HEAD,
      scope: 'TASK',
      tasks: ['ER_DECISION'],
      stages: [Stage.Decision],
    }),
    disclosure: step({
      update: erRecordDisclosureUpdate,
      body: DisclosureDto,
      args: (b) => ({ ...b }),
      summary: 'C11: disclose the decision (7 working days for permits and penalties, 20 for others)',
      gate: `Only a decision taken is disclosed (G-C8, ${cite('APL/48')}).`,
      roles: CASE_UNIT,
      scope: 'TASK',
      tasks: ['ER_DISCLOSURE'],
      stages: [Stage.Disclosure],
    }),
    'report-revocation': step({
      update: erReportRevocationUpdate,
      body: ErReasonDto,
      args: (b) => ({ ...b }),
      summary: 'C11: the decision was revoked or changed: its disclosure is withdrawn within 3 working days',
      roles: CASE_UNIT,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.Disclosed],
    }),
    'withdraw-disclosure': step({
      update: erWithdrawDisclosureUpdate,
      body: WithdrawDisclosureDto,
      args: (b) => ({ ...b }),
      summary: 'C11: withdraw the disclosure of a revoked decision',
      roles: CASE_UNIT,
      scope: 'TASK',
      tasks: ['ER_WITHDRAWAL'],
      stages: [Stage.DisclosureWithdrawal],
    }),
    archive: step({
      update: erArchiveCaseUpdate,
      body: ArchiveCaseDto,
      args: (b) => ({ ...b }),
      summary: 'C12: archive the case file',
      roles: CASE_UNIT,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.Disclosed],
    }),
  },
};
