import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../../activities/activities.module';
import { AppConfigModule } from '../../../libs/config/src/config.module';
import { WorkerService } from './worker.service';

@Module({
  imports: [AppConfigModule.forProcess('worker'), ActivitiesModule],
  providers: [WorkerService],
})
export class WorkerModule {}
