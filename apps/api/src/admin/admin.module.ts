import { Module } from '@nestjs/common';
import { PersistenceModule } from '../../../../libs/persistence/src/persistence.module';
import { AdminController } from './admin.controller';
import { RoutingController } from './routing.controller';

@Module({ imports: [PersistenceModule], controllers: [AdminController, RoutingController] })
export class AdminModule {}
