import { Role } from './roles';
import { draftingStagesOf } from './procedures/kernel/procedure-definition';
import { procedureDefinition } from './procedures/registry';

/** What visibility depends on: who asks, and the procedure's department, stage and tasks. */
export interface VisibilityContext {
  roles: Role[];
  userId: string;
  unitId: string;
  procedureDepartmentId: string;
  /** The procedure's type: its definition says in which stages the draft is still the drafting side's text. */
  procedureType: string;
  procedureStage: string;
  /** The user, or their unit, holds (or held, or drafts for) a task in the procedure. */
  involvedThroughTask: boolean;
}

/** Whether the draft is still the drafting side's working text in this stage (its definition's `drafting` stages). */
function inDrafting(ctx: VisibilityContext): boolean {
  const definition = procedureDefinition(ctx.procedureType);
  // An unknown type is treated as still drafting: the narrower reading.
  return !definition || draftingStagesOf(definition).includes(ctx.procedureStage);
}

/**
 * Who may see a procedure's record (stage, tasks, ledger):
 * - the drafting department's drafters; the legal-affairs office; leaders; system administrators (to operate it);
 * - anyone involved through a task (the routed adviser, a delegate, a reassigned officer);
 * - nobody else: not other departments, not advisers without a task.
 */
export function canSeeProcedure(ctx: VisibilityContext): boolean {
  if (ctx.roles.some((r) => r === Role.LegalAffairsOfficer || r === Role.Leader || r === Role.SystemAdmin)) return true;
  if (ctx.roles.includes(Role.Drafter) && ctx.unitId === ctx.procedureDepartmentId) return true;
  return ctx.involvedThroughTask;
}

/**
 * Who may read the draft texts themselves (content and diffs), which is narrower:
 * - the drafting department, the legal-affairs office, and those involved through a task, in every stage;
 * - leaders once the draft has left drafting (before that it is the department's working text);
 * - never system administrators: operating the system does not open the documents.
 */
export function canReadDrafts(ctx: VisibilityContext): boolean {
  if (ctx.roles.includes(Role.LegalAffairsOfficer)) return true;
  if (ctx.roles.includes(Role.Drafter) && ctx.unitId === ctx.procedureDepartmentId) return true;
  if (ctx.involvedThroughTask) return true;
  return ctx.roles.includes(Role.Leader) && !inDrafting(ctx);
}
