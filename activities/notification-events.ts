import type { TaskEntity, NewNotification } from '@lawgate/persistence';

/**
 * The notices LawGate raises as a procedure moves, each once per event (its dedup key). The reminder and the
 * escalation are raised where the deadline watch acts; these are the others.
 */

/** A new task: to the person it was routed to, or to the unit that takes it. */
export function taskAssigned(task: TaskEntity): NewNotification {
  const due = task.dueAt ? `，办理期限 ${task.dueAt.toISOString()}` : '';
  return {
    recipientUserId: task.assigneeUserId ?? null,
    recipientUnitId: task.assigneeUserId ? null : task.assigneeUnitId,
    kind: 'TASK_ASSIGNED',
    procedureId: task.procedureId,
    taskId: task.id,
    message: `新待办「${task.title}」${due}（${task.legalBasis}）。`,
    dedupKey: `assigned:${task.id}`,
  };
}

/**
 * A decision recorded on a procedure: to the department that drafts or undertakes it. An adviser's signed opinion is
 * "opinion returned"; any other step is "decision taken".
 */
export function decisionRecorded(
  procedure: { departmentId: string; title: string } | null,
  input: {
    procedureId: string;
    taskId: string | null;
    stage: string;
    decision: string;
    actorRole: string;
    idempotencyKey: string;
    actorName: string;
  },
): NewNotification | null {
  if (!procedure) return null;
  const opinion = input.actorRole === 'LEGAL_ADVISER';
  return {
    recipientUserId: null,
    recipientUnitId: procedure.departmentId,
    kind: opinion ? 'OPINION_RETURNED' : 'DECISION_TAKEN',
    procedureId: input.procedureId,
    taskId: input.taskId,
    message: opinion
      ? `「${procedure.title}」的法律顾问审核意见已返回（${input.actorName}：${input.decision}）。`
      : `「${procedure.title}」在「${input.stage}」阶段已作出决定：${input.decision}（${input.actorName}）。`,
    dedupKey: `decided:${input.idempotencyKey}`,
  };
}
