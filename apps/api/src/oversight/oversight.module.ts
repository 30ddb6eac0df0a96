import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { OversightController } from './oversight.controller';
import { OversightService } from './oversight.service';
import { ReviewStatisticsService } from './review-statistics.service';

/** The legal-affairs office's console reads: overdue work and statistics. */
@Module({
  imports: [PersistenceModule],
  controllers: [OversightController],
  providers: [OversightService, ReviewStatisticsService],
})
export class OversightModule {}
