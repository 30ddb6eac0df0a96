import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { NotificationDispatcher } from './dispatcher';

/** Delivery of notifications from the outbox (imported by the worker). */
@Module({ imports: [PersistenceModule], providers: [NotificationDispatcher], exports: [NotificationDispatcher] })
export class NotificationDeliveryModule {}
