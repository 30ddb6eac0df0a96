import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { NotificationsController } from '../notifications/notifications.controller';
import { DocumentContentService } from './document-content.service';
import { DocumentsController } from './documents.controller';

@Module({
  imports: [PersistenceModule],
  controllers: [DocumentsController, NotificationsController],
  providers: [DocumentContentService],
})
export class DocumentsModule {}
