import { Module } from '@nestjs/common';
import { PersistenceModule } from '@lawgate/persistence';
import { AdminRegisterController } from './admin-register.controller';
import { AdminRegisterService } from './admin-register.service';
import { PublicRegisterController } from './public-register.controller';
import { RegisterService } from './register.service';
import { DocumentContentService } from '../documents/document-content.service';

/** The register of normative documents: public search, texts and feeds; the office's view and number series. */
@Module({
  imports: [PersistenceModule],
  controllers: [PublicRegisterController, AdminRegisterController],
  providers: [RegisterService, AdminRegisterService, DocumentContentService],
})
export class RegisterModule {}
