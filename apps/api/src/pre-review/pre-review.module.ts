import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { DocumentContentService } from '../documents/document-content.service';
import { PreReviewController } from './pre-review.controller';
import { PreReviewService } from './pre-review.service';

@Module({
  imports: [PersistenceModule],
  controllers: [PreReviewController],
  providers: [PreReviewService, DocumentContentService],
  exports: [PreReviewService],
})
export class PreReviewModule {}
