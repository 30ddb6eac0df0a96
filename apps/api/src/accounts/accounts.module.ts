import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { UserImportService } from './user-import.service';

@Module({
  imports: [PersistenceModule],
  controllers: [AccountsController],
  providers: [AccountsService, UserImportService],
  exports: [AccountsService],
})
export class AccountsModule {}
