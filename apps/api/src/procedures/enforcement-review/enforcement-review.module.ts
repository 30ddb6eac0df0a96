import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { EnforcementReviewController } from './enforcement-review.controller';
import { EnforcementReviewService } from './enforcement-review.service';

/** Major enforcement decision reviews: the start endpoint (the steps go through the generic step endpoint). */
@Module({
  imports: [PersistenceModule],
  controllers: [EnforcementReviewController],
  providers: [EnforcementReviewService],
})
export class EnforcementReviewModule {}
