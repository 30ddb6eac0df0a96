import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { NotificationEntity } from '../entities';

export type NewNotification = Pick<
  NotificationEntity,
  'recipientUserId' | 'recipientUnitId' | 'kind' | 'procedureId' | 'taskId' | 'message' | 'dedupKey'
>;

@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a notification once per `dedupKey`. */
  async notify(manager: EntityManager, notification: NewNotification): Promise<void> {
    await manager.createQueryBuilder().insert().into(NotificationEntity).values(notification).orIgnore().execute();
  }

  /** Notifications for the user or their unit, newest first. */
  forUser(userId: string, unitId: string, unreadOnly: boolean, limit: number): Promise<NotificationEntity[]> {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('(n.recipient_user_id = :userId OR n.recipient_unit_id = :unitId)', { userId, unitId })
      .orderBy('n.created_at', 'DESC')
      .limit(limit);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getMany();
  }

  /** Marks a notification read if it is addressed to the user or their unit; false otherwise. */
  async markRead(id: string, userId: string, unitId: string): Promise<boolean> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const found = await repo.findOne({ where: { id } });
    if (!found || (found.recipientUserId !== userId && found.recipientUnitId !== unitId)) return false;
    await repo.update({ id, readAt: IsNull() }, { readAt: new Date() });
    return true;
  }
}
