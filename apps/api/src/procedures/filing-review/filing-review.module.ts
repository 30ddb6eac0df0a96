import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { DocumentContentService } from '../../documents/document-content.service';
import { FilingCatalogController } from './filing-catalog.controller';
import { FilingCatalogService } from './filing-catalog.service';
import { FilingReviewController } from './filing-review.controller';
import { FilingReviewService } from './filing-review.service';

/** Filing reviews: the start endpoint and the public catalog (the steps go through the generic step endpoint). */
@Module({
  imports: [PersistenceModule],
  controllers: [FilingReviewController, FilingCatalogController],
  providers: [FilingReviewService, FilingCatalogService, DocumentContentService],
})
export class FilingReviewModule {}
