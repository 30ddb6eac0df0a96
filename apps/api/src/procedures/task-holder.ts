import { DomainError, ErrorCode } from '@lawgate/domain';
import type { TaskEntity } from '@lawgate/persistence';
import type { Principal } from '../auth/principal';

/**
 * Only the task's holder acts on it: the person it is assigned to, or, for a task assigned to a unit, anyone in that
 * unit. Anyone else gets a 403 that says which of the two it is.
 */
export function requireTaskHolder(task: Pick<TaskEntity, 'assigneeUserId' | 'assigneeUnitId'>, principal: Principal) {
  const holds = task.assigneeUserId
    ? task.assigneeUserId === principal.userId
    : task.assigneeUnitId === principal.unitId;
  if (holds) return;
  throw new DomainError(
    ErrorCode.Forbidden,
    task.assigneeUserId
      ? 'This task is held by another person; only they (or whoever it is reassigned to) can act on it.'
      : 'This task is assigned to another unit; you cannot act on it.',
  );
}
