import { Module } from '@nestjs/common';
import { PersistenceModule } from '../../../../libs/persistence/src/persistence.module';
import { AdminController } from './admin.controller';
import { RoutingController } from './routing.controller';
import { RoutingService } from './routing.service';

@Module({
  imports: [PersistenceModule],
  controllers: [AdminController, RoutingController],
  providers: [RoutingService],
})
export class AdminModule {}
