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

/** The fields of a task that say who holds, held or drafts for it (the read model's task row). */
export interface TaskInvolvement {
  assigneeUserId: string | null;
  assigneeUnitId: string;
  delegateUserId: string | null;
  completedBy: string | null;
  /**
   * Everyone who ever held the task or drafted for its holder (the read model's `task_holder` rows), so that a
   * holder whose task was reassigned or released stays involved. Absent where the history was not loaded.
   */
  holders?: readonly { userId: string }[];
}

/**
 * Whether a task involves a user, the one rule behind `involvedThroughTask`: the user holds it (assignee), held it
 * (completed it, or held it before it was reassigned or released: `holders`), or drafts or drafted for its holder
 * (delegate). A task waiting in a unit's pool involves the unit's
 * legal-affairs officers (the office's own inbox), never an adviser: an adviser is involved only once the task is
 * theirs (routed to them, claimed, or delegated to them), and stays involved after completing it. Being in the
 * adviser committee, or being assigned to the drafting department by the routing rules, grants nothing by itself.
 */
export function involvedThroughTasks(
  who: { userId: string; unitId: string; roles: readonly Role[] },
  tasks: readonly TaskInvolvement[],
): boolean {
  return tasks.some(
    (t) =>
      t.assigneeUserId === who.userId ||
      t.delegateUserId === who.userId ||
      t.completedBy === who.userId ||
      (t.holders?.some((h) => h.userId === who.userId) ?? false) ||
      (t.assigneeUserId === null && t.assigneeUnitId === who.unitId && who.roles.includes(Role.LegalAffairsOfficer)),
  );
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
 * - anyone involved through a task (`involvedThroughTasks`: the adviser holding or having held one, a delegate, a
 *   reassigned officer);
 * - nobody else: not other departments, not advisers without a task of their own.
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
