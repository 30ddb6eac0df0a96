import { Module } from '@nestjs/common';
import { PersistenceModule } from '../../../../libs/persistence/src/persistence.module';
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
