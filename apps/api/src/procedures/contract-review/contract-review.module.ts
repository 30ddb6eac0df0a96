import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { ContractReviewController } from './contract-review.controller';
import { ContractReviewService } from './contract-review.service';

/** Government contract reviews: the start endpoint (the steps go through the generic step endpoint). */
@Module({
  imports: [PersistenceModule],
  controllers: [ContractReviewController],
  providers: [ContractReviewService],
})
export class ContractReviewModule {}
