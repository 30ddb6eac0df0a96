import type { ClaimedDelivery } from '@lawgate/persistence';

/** What each kind of event is called in a subject line. */
const SUBJECTS: Record<string, string> = {
  TASK_ASSIGNED: '新待办',
  TASK_REMINDER: '待办即将到期',
  TASK_OVERDUE: '待办已逾期',
  OPINION_RETURNED: '审核意见已返回',
  DECISION_TAKEN: '已作出决定',
};

export function subjectOf(kind: string): string {
  return `【LawGate】${SUBJECTS[kind] ?? '通知'}`;
}

/** The link a recipient follows: the procedure, or the inbox. */
export function linkOf(baseUrl: string, delivery: Pick<ClaimedDelivery, 'procedureId'>): string {
  const base = baseUrl.replace(/\/+$/, '');
  return delivery.procedureId ? `${base}/procedures/${delivery.procedureId}` : `${base}/inbox`;
}

/** The JSON body of a webhook call: stable field names a messaging platform can map. */
export function webhookPayload(delivery: ClaimedDelivery, baseUrl: string) {
  return {
    deliveryId: delivery.id,
    notificationId: delivery.notificationId,
    event: delivery.kind,
    subject: subjectOf(delivery.kind),
    message: delivery.message,
    recipient: { userId: delivery.userId, username: delivery.username, displayName: delivery.displayName },
    procedureId: delivery.procedureId,
    taskId: delivery.taskId,
    link: linkOf(baseUrl, delivery),
    createdAt: delivery.createdAt.toISOString(),
  };
}
