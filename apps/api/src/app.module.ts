import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfigModule } from '@lawgate/config';
import { PersistenceModule } from '@lawgate/persistence';
import { TemporalClientModule } from '@lawgate/temporal';
import { AccountsModule } from './accounts/accounts.module';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { ExportsModule } from './exports/exports.module';
import { AuthModule } from './auth/auth.module';
import { CleanupModule } from './cleanup/cleanup.module';
import { CommentsModule } from './comments/comments.module';
import { DecisionsModule } from './procedures/major-decision/decisions.module';
import { ContractReviewModule } from './procedures/contract-review/contract-review.module';
import { FilingReviewModule } from './procedures/filing-review/filing-review.module';
import { EnforcementReviewModule } from './procedures/enforcement-review/enforcement-review.module';
import { DocumentsModule } from './documents/documents.module';
import { RouteRolesAudit } from './auth/route-roles.audit';
import { HealthController } from './health/health.controller';
import { DatabaseHealthService } from './health/health.service';
import { MetricsModule } from './metrics/metrics.module';
import { OversightModule } from './oversight/oversight.module';
import { ProceduresModule } from './procedures/procedures.module';
import { RegisterModule } from './register/register.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';

@Module({
  imports: [
    DiscoveryModule,
    AppConfigModule.forProcess('api'),
    PersistenceModule,
    RateLimitModule,
    TemporalClientModule,
    MetricsModule,
    AuthModule,
    ProceduresModule,
    AdminModule,
    AuditModule,
    DocumentsModule,
    CommentsModule,
    RegisterModule,
    DecisionsModule,
    EnforcementReviewModule,
    ContractReviewModule,
    FilingReviewModule,
    CleanupModule,
    OversightModule,
    AccountsModule,
    ExportsModule,
  ],
  controllers: [HealthController],
  providers: [RouteRolesAudit, DatabaseHealthService],
})
export class AppModule {}
