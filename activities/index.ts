import type { CommentActivities } from './comment.activities';
import type { ProcedureActivities } from './procedure.activities';

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
> &
  Pick<
    CommentActivities,
    'openCommentWindow' | 'extendCommentWindow' | 'closeCommentWindow' | 'answerComment' | 'commentSummary'
  >;

export type * from './procedure.activities';
export type * from './comment.activities';
