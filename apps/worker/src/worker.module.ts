import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../../../activities/activities.module';
import { AppConfigModule } from '../../../libs/config/src/config.module';
import { PersistenceModule } from '../../../libs/persistence/src/persistence.module';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { WorkerService } from './worker.service';

@Module({
  imports: [AppConfigModule.forProcess('worker'), PersistenceModule, ActivitiesModule],
  providers: [WorkerService, CheckpointScheduler],
})
export class WorkerModule {}
