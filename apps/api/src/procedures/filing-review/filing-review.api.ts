import {
  type FilingReviewTaskKind,
  FilingReviewStage as Stage,
  frEscalateUpdate,
  frFileUpdate,
  frFollowUpUpdate,
  frGovernmentDecisionUpdate,
  frRegisterUpdate,
  frReportUpdate,
  frReviewUpdate,
  frSupplementUpdate,
  Role,
  cite,
} from '@lawgate/domain';
import { stepsOf, type ProcedureApi } from '../procedure-api';
import {
  FrFollowUpDto,
  FrGovernmentDto,
  FrReasonDto,
  FrRegisterDto,
  FrReportDto,
  FrReviewDto,
} from './filing-review.dto';
import { NoteDto } from '../steps.dto';

type S = Stage;
type K = FilingReviewTaskKind;
const step = stepsOf<S, K>();
const ISSUER = [Role.Drafter];
const OFFICE = [Role.LegalAffairsOfficer];

/** The human steps of a filing review (E1–E8). */
export const FILING_REVIEW_API: ProcedureApi<S, K> = {
  type: 'FILING_REVIEW',
  steps: {
    file: step({
      update: frFileUpdate,
      body: NoteDto,
      args: (b) => ({ ...b }),
      summary: 'E1: the issuer files the document (official text and filing report uploaded)',
      roles: ISSUER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.AwaitingFiling],
    }),
    'follow-up': step({
      update: frFollowUpUpdate,
      body: FrFollowUpDto,
      args: (b) => ({ ...b }),
      summary: 'E8: follow up a missing filing (notice with a deadline, 通报, order to correct)',
      roles: OFFICE,
      scope: 'TASK',
      tasks: ['FR_FOLLOW_UP'],
      stages: [Stage.AwaitingFiling],
      gate: `A follow-up opens once the filing is overdue (G-E2; ${cite('FRR/23')}).`,
    }),
    register: step({
      update: frRegisterUpdate,
      body: FrRegisterDto,
      args: (b) => ({ ...b, missing: b.missing ? [...b.missing] : undefined }),
      summary: 'E2: register the filing, refuse it with reasons, or defer it for missing materials (G-E1)',
      roles: OFFICE,
      scope: 'TASK',
      tasks: ['FR_REGISTER'],
      stages: [Stage.Registration],
      gate: `Registration follows a filing (G-E1; ${cite('FRR/9')}).`,
    }),
    supplement: step({
      update: frSupplementUpdate,
      body: NoteDto,
      args: (b) => ({ ...b }),
      summary: 'E2: the issuer has supplemented the missing materials',
      roles: ISSUER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.Supplement],
    }),
    review: step({
      update: frReviewUpdate,
      body: FrReviewDto,
      args: (b) => ({
        outcome: b.outcome,
        reasons: b.reasons,
        standards: b.standards.map((c) => ({ ...c })),
        reviewedSha256: b.reviewedSha256,
        ...(b.request !== undefined ? { request: b.request } : {}),
      }),
      summary:
        'E4–E5: the review outcome against the standards, bound to the text reviewed (G-E4), deciding each pre-review finding',
      preReview: true,
      roles: OFFICE,
      scope: 'TASK',
      tasks: ['FR_REVIEW'],
      stages: [Stage.Review],
      gate: `The review follows registration (G-E3; ${cite('FRR/9', 'FRR/13')}).`,
    }),
    report: step({
      update: frReportUpdate,
      body: FrReportDto,
      args: (b) => ({ ...b }),
      summary: 'E6: the issuer reports how it handled the opinion (corrected text re-filed, or repealed)',
      roles: ISSUER,
      scope: 'OWN_DEPARTMENT',
      stages: [Stage.MakerResponse],
    }),
    escalate: step({
      update: frEscalateUpdate,
      body: FrReasonDto,
      args: (b) => ({ ...b }),
      summary: 'E7: escalate to the government once the correction period has passed (G-E4)',
      roles: OFFICE,
      scope: 'ANY',
      stages: [Stage.MakerResponse],
    }),
    'government-decision': step({
      update: frGovernmentDecisionUpdate,
      body: FrGovernmentDto,
      args: (b) => ({ ...b }),
      summary: 'E7: the government changes or revokes the document',
      roles: [Role.Leader],
      scope: 'TASK',
      tasks: ['FR_GOVERNMENT'],
      stages: [Stage.GovernmentDecision],
    }),
  },
};
