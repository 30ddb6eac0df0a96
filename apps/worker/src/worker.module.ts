import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../../activities/activities.module';
import { AppConfigModule } from '../../../libs/config/src/config.module';
import { NotificationDeliveryModule } from '../../../libs/notifications/src/notifications.module';
import { PersistenceModule } from '../../../libs/persistence/src/persistence.module';
import { ReconciliationModule } from '../../../libs/temporal/src/reconciliation.module';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { ReconciliationScheduler } from './reconciliation.scheduler';
import { WorkerService } from './worker.service';

@Module({
  imports: [
    AppConfigModule.forProcess('worker'),
    PersistenceModule,
    ActivitiesModule,
    NotificationDeliveryModule,
    ReconciliationModule,
  ],
  providers: [WorkerService, CheckpointScheduler, ReconciliationScheduler],
})
export class WorkerModule {}
