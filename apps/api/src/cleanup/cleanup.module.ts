import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { CleanupCampaignsController, CleanupReviewController } from './cleanup.controller';
import { CleanupService } from './cleanup.service';

/** Clean-up campaigns (清理, B12): start, progress, lists, and the review decision. */
@Module({
  imports: [PersistenceModule],
  controllers: [CleanupCampaignsController, CleanupReviewController],
  providers: [CleanupService],
})
export class CleanupModule {}
