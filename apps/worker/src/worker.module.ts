import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../../activities/activities.module';
import { AppConfigModule } from '../../../libs/config/src/config.module';
import { NotificationDeliveryModule } from '../../../libs/notifications/src/notifications.module';
import { WorkerService } from './worker.service';

@Module({
  imports: [AppConfigModule.forProcess('worker'), ActivitiesModule, NotificationDeliveryModule],
  providers: [WorkerService],
})
export class WorkerModule {}
