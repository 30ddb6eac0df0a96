import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { AdminController } from './admin.controller';
import { RoutingController } from './routing.controller';
import { RoutingService } from './routing.service';

@Module({
  imports: [PersistenceModule],
  controllers: [AdminController, RoutingController],
  providers: [RoutingService],
})
export class AdminModule {}
