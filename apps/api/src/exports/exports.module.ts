import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { OversightService } from '../oversight/oversight.service';
import { RegisterService } from '../register/register.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { CatalogService } from '../procedures/major-decision/catalog.service';

@Module({
  imports: [PersistenceModule],
  controllers: [ExportsController],
  providers: [ExportsService, RegisterService, OversightService, CatalogService],
})
export class ExportsModule {}
