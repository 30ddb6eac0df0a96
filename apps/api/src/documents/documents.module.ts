import { Module } from '@nestjs/common';
import { PersistenceModule } from '../../../../libs/persistence/src/persistence.module';
import { DocumentsController } from './documents.controller';

@Module({ imports: [PersistenceModule], controllers: [DocumentsController] })
export class DocumentsModule {}
