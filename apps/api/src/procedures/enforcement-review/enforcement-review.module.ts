import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { EnforcementReviewController } from './enforcement-review.controller';
import { EnforcementReviewService } from './enforcement-review.service';
import { PublicDisclosuresController } from './public-disclosures.controller';
import { PublicDisclosuresService } from './public-disclosures.service';

/**
 * Major enforcement decision reviews: the start endpoint (the steps go through the generic step endpoint) and the
 * public list of disclosed decisions.
 */
@Module({
  imports: [PersistenceModule],
  controllers: [EnforcementReviewController, PublicDisclosuresController],
  providers: [EnforcementReviewService, PublicDisclosuresService],
})
export class EnforcementReviewModule {}
