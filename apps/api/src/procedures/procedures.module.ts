import { Module } from '@nestjs/common';
import { PersistenceModule } from '../../../../libs/persistence/src/persistence.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ProceduresController, TasksController } from './procedures.controller';
import { ProceduresService } from './procedures.service';
import { OpinionsService } from './opinions.service';
import { TasksService } from './tasks.service';
import { ProcedureStepsController, TaskStepsController } from './steps.controller';
import { StepsService } from './steps.service';

@Module({
  imports: [PersistenceModule, MetricsModule],
  controllers: [ProceduresController, TasksController, ProcedureStepsController, TaskStepsController],
  providers: [ProceduresService, TasksService, OpinionsService, StepsService],
})
export class ProceduresModule {}
