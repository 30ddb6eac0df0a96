import {
  AdviserConflictEntity,
  AdviserDepartmentEntity,
  AdviserProfileEntity,
  RoutingRulesVersionEntity,
} from './adviser.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import {
  CommentReceiptSequenceEntity,
  CommentWindowEntity,
  CommentWindowExtensionEntity,
  PublicCommentEntity,
} from './comment.entity';
import {
  DecisionCatalogActEntity,
  DecisionCatalogEntity,
  DecisionCatalogItemEntity,
  DecisionCatalogVersionEntity,
} from './decision-catalog.entity';
import { CleanupCampaignEntity, CleanupReviewEntity } from './cleanup.entity';
import { CalendarDayEntity, CalendarVersionEntity, CalendarYearEntity } from './calendar.entity';
import { BlobEntity, DocumentEntity, DocumentVersionEntity } from './document.entity';
import { DocumentTextEntity } from './document-text.entity';
import { DecisionRecordEntity } from './decision-record.entity';
import { IntegrityAlertEntity } from './integrity-alert.entity';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { LedgerCheckpointEntity } from './ledger-checkpoint.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationDeliveryEntity, NotificationPreferenceEntity } from './notification-delivery.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { ProcedureEntity } from './procedure.entity';
import { PreReviewLawOverrideEntity, PreReviewRuleSettingEntity } from './pre-review.entity';
import { OidcSignInEntity, RevokedTokenEntity } from './session.entity';
import {
  FilingEntity,
  FilingEventEntity,
  IssuerSeriesEntity,
  NumberCounterEntity,
  PublicationEntity,
  RegisterEntryEntity,
  VoidedNumberEntity,
} from './register.entity';
import { RateLimitHitEntity, SignInLockoutEntity } from './rate-limit.entity';
import { TaskEntity } from './task.entity';
import { FilingCatalogEditionEntity } from './filing-catalog-edition.entity';
import { ReconciliationMarkEntity, TaskHolderEntity } from './task-holder.entity';
import { TaskInboxCountEntity } from './task-inbox-count.entity';
import {
  CommentAnswerMonthEntity,
  LedgerDecisionMonthEntity,
  ProcedureInvolvementEntity,
  ProcedureStageCountEntity,
  TaskCloseMonthEntity,
} from './console-count.entity';
import { UserEntity } from './user.entity';

export type { FilingCatalogEditionEntry } from './filing-catalog-edition.entity';
export {
  FilingCatalogEditionEntity,
  DecisionRecordEntity,
  IntegrityAlertEntity,
  CommentReceiptSequenceEntity,
  CommentWindowEntity,
  CommentWindowExtensionEntity,
  PublicCommentEntity,
  NotificationEntity,
  BlobEntity,
  DocumentEntity,
  DocumentVersionEntity,
  AdviserConflictEntity,
  AdviserDepartmentEntity,
  AdviserProfileEntity,
  RoutingRulesVersionEntity,
  AuditEntryEntity,
  CalendarDayEntity,
  CalendarVersionEntity,
  CalendarYearEntity,
  LedgerEntryEntity,
  LedgerCheckpointEntity,
  OrgUnitEntity,
  ProcedureEntity,
  TaskEntity,
  UserEntity,
  IssuerSeriesEntity,
  NumberCounterEntity,
  RegisterEntryEntity,
  VoidedNumberEntity,
  PublicationEntity,
  FilingEntity,
  FilingEventEntity,
  DecisionCatalogEntity,
  DecisionCatalogVersionEntity,
  DecisionCatalogItemEntity,
  DecisionCatalogActEntity,
  CleanupCampaignEntity,
  CleanupReviewEntity,
  RevokedTokenEntity,
  OidcSignInEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  DocumentTextEntity,
  RateLimitHitEntity,
  SignInLockoutEntity,
  PreReviewRuleSettingEntity,
  PreReviewLawOverrideEntity,
  TaskHolderEntity,
  TaskInboxCountEntity,
  TaskCloseMonthEntity,
  ProcedureStageCountEntity,
  LedgerDecisionMonthEntity,
  CommentAnswerMonthEntity,
  ProcedureInvolvementEntity,
  ReconciliationMarkEntity,
};

export const ENTITIES = [
  FilingCatalogEditionEntity,
  TaskHolderEntity,
  TaskInboxCountEntity,
  TaskCloseMonthEntity,
  ProcedureStageCountEntity,
  LedgerDecisionMonthEntity,
  CommentAnswerMonthEntity,
  ProcedureInvolvementEntity,
  ReconciliationMarkEntity,
  DecisionRecordEntity,
  IntegrityAlertEntity,
  RateLimitHitEntity,
  SignInLockoutEntity,
  OrgUnitEntity,
  UserEntity,
  ProcedureEntity,
  TaskEntity,
  LedgerEntryEntity,
  LedgerCheckpointEntity,
  AuditEntryEntity,
  CalendarDayEntity,
  CalendarYearEntity,
  CalendarVersionEntity,
  AdviserProfileEntity,
  AdviserDepartmentEntity,
  AdviserConflictEntity,
  RoutingRulesVersionEntity,
  BlobEntity,
  DocumentEntity,
  DocumentVersionEntity,
  NotificationEntity,
  CommentWindowEntity,
  CommentWindowExtensionEntity,
  PublicCommentEntity,
  CommentReceiptSequenceEntity,
  IssuerSeriesEntity,
  NumberCounterEntity,
  RegisterEntryEntity,
  VoidedNumberEntity,
  PublicationEntity,
  FilingEntity,
  FilingEventEntity,
  DecisionCatalogEntity,
  DecisionCatalogVersionEntity,
  DecisionCatalogItemEntity,
  DecisionCatalogActEntity,
  CleanupCampaignEntity,
  CleanupReviewEntity,
  RevokedTokenEntity,
  OidcSignInEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  DocumentTextEntity,
  PreReviewRuleSettingEntity,
  PreReviewLawOverrideEntity,
];
