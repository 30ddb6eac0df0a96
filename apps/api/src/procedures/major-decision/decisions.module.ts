import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { ProceduresModule } from '../procedures.module';
import { ArchiveService } from './archive.service';
import { AdminCatalogController, PublicCatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { PublicDecisionsController } from './public-decisions.controller';
import { PublicDecisionsService } from './public-decisions.service';

/** Major administrative decisions, the annual decision catalog and the decision archive. */
@Module({
  imports: [PersistenceModule, ProceduresModule],
  controllers: [DecisionsController, AdminCatalogController, PublicCatalogController, PublicDecisionsController],
  providers: [DecisionsService, CatalogService, ArchiveService, PublicDecisionsService],
})
export class DecisionsModule {}
