/** The procedure page is the shared shell in `procedures/shared/`; each type adds its own panel there. */
export { ProcedurePage } from '../procedures/shared/ProcedureShell';
export { ReassignButton } from '../procedures/shared/TasksTable';
