import {
  type ContractReviewTaskKind,
  ContractReviewStage as Stage,
  crAbandonUpdate,
  crAddMilestoneUpdate,
  crCloseUpdate,
  crCompleteMilestoneUpdate,
  crFileUpdate,
  crGiveOpinionUpdate,
  crRecordAcceptanceUpdate,
  crRecordPaymentUpdate,
  crReportWarningUpdate,
  crSignUpdate,
  crSubmitUpdate,
  type Actor,
  Role,
} from '@lawgate/domain';
import { stepsOf, type ProcedureApi } from '../procedure-api';
import {
  CrAcceptanceDto,
  CrFilingDto,
  CrItemDto,
  CrMilestoneDto,
  CrNoteDto,
  CrOpinionDto,
  CrReasonDto,
  CrSignDto,
  CrWarningDto,
} from './contract-review.dto';
import { CONTRACT_REVIEW_ARCHIVE } from './contract-review.archive';

type S = Stage;
type K = ContractReviewTaskKind;
const step = stepsOf<S, K>();
const UNIT = [Role.Drafter];
const REVIEWERS = [Role.LegalAdviser, Role.LegalAffairsOfficer];
const unitStep = <A extends { actor: Actor }, B extends object>(
  spec: Omit<Parameters<typeof step<A, B>>[0], 'roles' | 'scope'>,
) => step<A, B>({ ...spec, roles: UNIT, scope: 'OWN_DEPARTMENT' });

/** The human steps of a government contract review (D1–D10). */
export const CONTRACT_REVIEW_API: ProcedureApi<S, K> = {
  type: 'CONTRACT_REVIEW',
  archive: CONTRACT_REVIEW_ARCHIVE,
  steps: {
    submit: unitStep({
      update: crSubmitUpdate,
      body: CrNoteDto,
      args: (b) => ({ ...b }),
      summary: 'D4: submit the draft contract for legality review',
      stages: [Stage.Submission, Stage.Revision],
    }),
    opinion: step({
      update: crGiveOpinionUpdate,
      body: CrOpinionDto,
      args: (b) => ({ ...b, checklist: b.checklist.map((c) => ({ ...c })) }),
      summary: 'D5: the written review opinion against the checklist (§2.4), bound to the text reviewed',
      roles: REVIEWERS,
      scope: 'TASK',
      tasks: ['CR_REVIEW'],
      stages: [Stage.LegalityReview],
      gate: 'The review opens on a submitted contract (G-D2).',
    }),
    sign: unitStep({
      update: crSignUpdate,
      body: CrSignDto,
      args: (b) => ({ ...b }),
      summary: 'D7: sign the text the review passed (G-D2: no signing without a passed review)',
      stages: [Stage.Signing],
    }),
    abandon: unitStep({
      update: crAbandonUpdate,
      body: CrReasonDto,
      args: (b) => ({ ...b }),
      summary: 'D6: do not sign the contract',
      stages: [Stage.Signing, Stage.Revision],
    }),
    file: step({
      update: crFileUpdate,
      body: CrFilingDto,
      args: (b) => ({ ...b, filedWith: [...b.filedWith] }),
      summary: 'D8: file the signed contract within the policy period (G-D4)',
      roles: UNIT,
      scope: 'TASK',
      tasks: ['CR_FILING'],
      stages: [Stage.Filing],
      gate: 'Filing follows signing (G-D4).',
    }),
    milestones: unitStep({
      update: crAddMilestoneUpdate,
      body: CrMilestoneDto,
      args: (b) => ({ ...b }),
      summary: 'D9: add a performance milestone to the register',
      stages: [Stage.Performance],
    }),
    'complete-milestone': unitStep({
      update: crCompleteMilestoneUpdate,
      body: CrItemDto,
      args: (b) => ({ ...b }),
      summary: 'D9: a milestone is done',
      stages: [Stage.Performance],
    }),
    acceptance: unitStep({
      update: crRecordAcceptanceUpdate,
      body: CrAcceptanceDto,
      args: (b) => ({ ...b }),
      summary: 'D9: an acceptance starts the payment deadline (SMEs: 30 days, at most 60 agreed)',
      stages: [Stage.Performance],
    }),
    payment: unitStep({
      update: crRecordPaymentUpdate,
      body: CrItemDto,
      args: (b) => ({ ...b }),
      summary: 'D9: a payment was made',
      stages: [Stage.Performance],
    }),
    warning: unitStep({
      update: crReportWarningUpdate,
      body: CrWarningDto,
      args: (b) => ({ ...b }),
      summary: 'D9: report a warning event (G-D5)',
      stages: [Stage.Performance],
    }),
    close: unitStep({
      update: crCloseUpdate,
      body: CrReasonDto,
      args: (b) => ({ ...b }),
      summary: 'D10: the contract is performed: close it',
      stages: [Stage.Performance],
    }),
  },
};
