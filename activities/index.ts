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
>;

export type * from './procedure.activities';
