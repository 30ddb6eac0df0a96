import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PersistenceModule } from '@lawgate/persistence';
import { AuditController } from './audit.controller';
import { AuditTrailInterceptor } from './audit-trail.interceptor';
import { EvidenceController } from './evidence.controller';
import { IntegrityController } from './integrity.controller';
import { ReconciliationModule } from '@lawgate/temporal';

/** The audit trail (read and filtered by the office), the request auditing, and the evidence checkpoints' publication. */
@Module({
  imports: [PersistenceModule, ReconciliationModule],
  controllers: [AuditController, EvidenceController, IntegrityController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditTrailInterceptor }],
})
export class AuditModule {}
