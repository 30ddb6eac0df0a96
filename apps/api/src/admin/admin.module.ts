import { Module } from '@nestjs/common';
import { PersistenceModule } from '../../../../libs/persistence/src/persistence.module';
import { AdminController } from './admin.controller';

@Module({ imports: [PersistenceModule], controllers: [AdminController] })
export class AdminModule {}
