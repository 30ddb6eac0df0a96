/**
 * Routing review tasks to legal advisers (regulations.md §4.4). Pure: the activity loads the candidates and rules,
 * this decides, and the decision carries its reasons so that anyone can see why a task went where it went.
 *
 * Order of rules:
 * 1. Recusal: the drafter, anyone from the drafting unit, and any adviser who declared a conflict for the procedure
 *    or the department are never eligible.
 * 2. Capacity: an adviser at their open-task limit is not eligible.
 * 3. Expertise: when the task asks for expertise, advisers covering more of it rank first (or only they are eligible,
 *    when the rules require a match).
 * 4. Assignment: the department's assigned advisers rank before the rest of the pool (or only they are eligible).
 * 5. Load: fewer open tasks first; then the adviser who was given a task longest ago; then by id, for determinism.
 * No eligible adviser: the task goes to the legal-affairs office with the reason.
 */
export interface AdviserCandidate {
  userId: string;
  displayName: string;
  unitId: string;
  expertise: string[];
  openTasks: number;
  maxOpenTasks: number;
  /** ISO time the adviser was last given a task, or null. */
  lastAssignedAt: string | null;
  /** Departments this adviser is assigned to. */
  assignedDepartmentIds: string[];
  /** Procedures and departments the adviser declared a conflict for. */
  conflictProcedureIds: string[];
  conflictDepartmentIds: string[];
  active: boolean;
}

export interface RoutingRules {
  /** Only the department's assigned advisers may take its tasks (else they are merely preferred). */
  assignedAdvisersOnly: boolean;
  /** Only advisers with at least one of the requested areas of expertise are eligible (else they are preferred). */
  requireExpertiseMatch: boolean;
}

export const DEFAULT_ROUTING_RULES: RoutingRules = { assignedAdvisersOnly: false, requireExpertiseMatch: false };

export interface RoutingRequest {
  procedureId: string;
  departmentId: string;
  /** People who drafted the document under review. */
  drafterIds: string[];
  expertise: string[];
}

export type RoutingDecision =
  | { kind: 'ADVISER'; userId: string; reasons: string[]; excluded: Record<string, string> }
  | { kind: 'ESCALATE'; reason: string; excluded: Record<string, string> };

export function routeToAdviser(
  candidates: AdviserCandidate[],
  request: RoutingRequest,
  rules: RoutingRules = DEFAULT_ROUTING_RULES,
): RoutingDecision {
  const excluded: Record<string, string> = {};
  const eligible: AdviserCandidate[] = [];
  for (const c of candidates) {
    const why = exclusionOf(c, request, rules);
    if (why) excluded[c.userId] = why;
    else eligible.push(c);
  }
  if (eligible.length === 0) {
    const reason =
      candidates.length === 0
        ? 'No legal adviser is registered.'
        : `No legal adviser is eligible: ${Object.entries(excluded)
            .map(([id, why]) => `${candidates.find((c) => c.userId === id)?.displayName ?? id} (${why})`)
            .join('; ')}.`;
    return { kind: 'ESCALATE', reason, excluded };
  }
  const overlap = (c: AdviserCandidate) => request.expertise.filter((e) => c.expertise.includes(e)).length;
  const assigned = (c: AdviserCandidate) => (c.assignedDepartmentIds.includes(request.departmentId) ? 1 : 0);
  const ranked = [...eligible].sort(
    (a, b) =>
      overlap(b) - overlap(a) ||
      assigned(b) - assigned(a) ||
      a.openTasks - b.openTasks ||
      (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') ||
      a.userId.localeCompare(b.userId),
  );
  const chosen = ranked[0];
  const reasons: string[] = [];
  if (request.expertise.length > 0) {
    reasons.push(`expertise ${overlap(chosen)}/${request.expertise.length} (${request.expertise.join(', ')})`);
  }
  reasons.push(assigned(chosen) ? 'assigned to the drafting department' : 'from the adviser pool');
  reasons.push(`${chosen.openTasks} open task(s) of at most ${chosen.maxOpenTasks}`);
  return { kind: 'ADVISER', userId: chosen.userId, reasons, excluded };
}

function exclusionOf(c: AdviserCandidate, request: RoutingRequest, rules: RoutingRules): string | null {
  if (!c.active) return 'inactive';
  if (request.drafterIds.includes(c.userId)) return 'drafted this document';
  if (c.unitId === request.departmentId) return 'belongs to the drafting unit';
  if (c.conflictProcedureIds.includes(request.procedureId)) return 'declared a conflict of interest in this procedure';
  if (c.conflictDepartmentIds.includes(request.departmentId)) {
    return 'declared a conflict of interest with the department';
  }
  if (c.openTasks >= c.maxOpenTasks) return `at capacity (${c.openTasks}/${c.maxOpenTasks} open tasks)`;
  if (rules.assignedAdvisersOnly && !c.assignedDepartmentIds.includes(request.departmentId)) {
    return 'not assigned to the department';
  }
  if (
    rules.requireExpertiseMatch &&
    request.expertise.length > 0 &&
    !request.expertise.some((e) => c.expertise.includes(e))
  ) {
    return 'no matching expertise';
  }
  return null;
}
