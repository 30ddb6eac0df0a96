import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import { CalendarRepository } from './calendar/calendar.repository';
import { buildDataSourceOptions } from './data-source.options';
import { CheckpointRepository } from './ledger/checkpoint.repository';
import { EvidenceKeys } from './ledger/evidence-keys';
import { EvidenceVerifier } from './ledger/evidence-verifier';
import { LedgerRepository } from './ledger/ledger.repository';
import { AccountRepository } from './repositories/account.repository';
import { AdviserRepository } from './repositories/adviser.repository';
import { AuditRepository } from './repositories/audit.repository';
import { CatalogRepository } from './repositories/catalog.repository';
import { CleanupRepository } from './repositories/cleanup.repository';
import { CommentRepository } from './repositories/comment.repository';
import { DocumentRepository } from './repositories/document.repository';
import { FilingCatalogRepository } from './repositories/filing-catalog.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { OrgRepository } from './repositories/org.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { IntegrityAlertRepository } from './repositories/integrity-alert.repository';
import { DecisionRecordRepository } from './repositories/decision-record.repository';
import { ProcedureRepository } from './repositories/procedure.repository';
import { RegisterRepository } from './repositories/register.repository';
import { SessionRepository } from './repositories/session.repository';
import { TaskRepository } from './repositories/task.repository';

const REPOSITORIES = [
  AccountRepository,
  AdviserRepository,
  AuditRepository,
  CalendarRepository,
  CatalogRepository,
  CheckpointRepository,
  CleanupRepository,
  CommentRepository,
  DecisionRecordRepository,
  DocumentRepository,
  FilingCatalogRepository,
  EvidenceKeys,
  EvidenceVerifier,
  IntegrityAlertRepository,
  LedgerRepository,
  NotificationRepository,
  OrgRepository,
  OutboxRepository,
  ProcedureRepository,
  RegisterRepository,
  SessionRepository,
  TaskRepository,
];

/** TypeORM connection plus LawGate's repositories. Needs `AppConfigModule` imported at the root. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...buildDataSourceOptions(config), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class PersistenceModule {}
