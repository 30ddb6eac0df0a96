import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../../activities/activities.module';
import { AppConfigModule } from '@lawgate/config';
import { NotificationDeliveryModule } from '@lawgate/notifications';
import { PersistenceModule } from '@lawgate/persistence';
import { ReconciliationModule } from '@lawgate/temporal';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { FilingCatalogScheduler } from './filing-catalog.scheduler';
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
  providers: [WorkerService, CheckpointScheduler, ReconciliationScheduler, FilingCatalogScheduler],
})
export class WorkerModule {}
