import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../../activities/activities.module';
import { AppConfigModule } from '@lawgate/config';
import { NotificationDeliveryModule } from '@lawgate/notifications';
import { PersistenceModule } from '@lawgate/persistence';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { WorkerService } from './worker.service';

@Module({
  imports: [AppConfigModule.forProcess('worker'), PersistenceModule, ActivitiesModule, NotificationDeliveryModule],
  providers: [WorkerService, CheckpointScheduler],
})
export class WorkerModule {}
