import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { MetricsModule } from '../metrics/metrics.module';
import { PreReviewModule } from '../pre-review/pre-review.module';
import { ProceduresController, TasksController } from './procedures.controller';
import { ProceduresService } from './procedures.service';
import { NormativeDocumentService } from './normative-document/normative-document.service';
import { OpinionsService } from './opinions.service';
import { TasksService } from './tasks.service';
import { ProcedureStepsController } from './procedure-steps.controller';
import { ProcedureStepsService } from './procedure-steps.service';

@Module({
  imports: [PersistenceModule, MetricsModule, PreReviewModule],
  controllers: [ProcedureStepsController, ProceduresController, TasksController],
  providers: [ProceduresService, NormativeDocumentService, TasksService, OpinionsService, ProcedureStepsService],
  exports: [ProcedureStepsService],
})
export class ProceduresModule {}
