import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { OversightController } from './oversight.controller';
import { OversightService } from './oversight.service';

/** The legal-affairs office's console reads: overdue work and statistics. */
@Module({ imports: [PersistenceModule], controllers: [OversightController], providers: [OversightService] })
export class OversightModule {}
