import type { AmendmentActivities } from './amendment.activities';
import type { CleanupActivities } from './cleanup.activities';
import type { CommentActivities } from './comment.activities';
import type { DecisionRecordActivities } from './decision-record.activities';
import type { PolicyActivities } from './policy.activities';
import type { ProcedureActivities } from './procedure.activities';
import type { RegisterActivities } from './register.activities';

/** The activity interface workflows proxy (imported with `import type` only). */
export type LawGateActivities = Pick<
  ProcedureActivities,
  | 'registerProcedure'
  | 'openTask'
  | 'routeTask'
  | 'recordDocumentVersion'
  | 'recordDecision'
  | 'remindTask'
  | 'escalateOverdueTask'
  | 'endProcedure'
  | 'setStage'
  | 'computeDeadline'
  | 'procedureState'
> &
  Pick<
    CommentActivities,
    'openCommentWindow' | 'extendCommentWindow' | 'closeCommentWindow' | 'answerComment' | 'commentSummary'
  > &
  Pick<
    RegisterActivities,
    | 'registerDocument'
    | 'voidRegisteredNumber'
    | 'recordPublication'
    | 'openFiling'
    | 'recordFilingEvent'
    | 'setRegisterStatus'
    | 'setRegisterValidity'
    | 'listInForce'
  > &
  Pick<
    CleanupActivities,
    | 'openCleanupCampaign'
    | 'startCleanupReviews'
    | 'recordCleanupProgress'
    | 'cleanupProgress'
    | 'recordCleanupDecision'
    | 'verifyCleanupDecision'
    | 'applyCleanupDecision'
  > &
  Pick<PolicyActivities, 'resolvePolicy'> &
  Pick<DecisionRecordActivities, 'recordDecisionRecord' | 'recordArchiveState'> &
  Pick<AmendmentActivities, 'replaceAmendedDocument'>;

export type * from './procedure.activities';
export type * from './comment.activities';
export type * from './register.activities';
export type * from './cleanup.activities';
export type * from './policy.activities';
export type * from './decision-record.activities';
export type * from './amendment.activities';
