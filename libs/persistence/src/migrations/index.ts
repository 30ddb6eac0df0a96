import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795591307231 } from './1795591307231-InitialSchema';
import { WorkingDayCalendar1795593028944 } from './1795593028944-WorkingDayCalendar';
import { AdviserRouting1795593506608 } from './1795593506608-AdviserRouting';
import { DocumentVersions1795594067412 } from './1795594067412-DocumentVersions';
import { DeadlineNotifications1795594472946 } from './1795594472946-DeadlineNotifications';
import { AdviserOpinions1795594851632 } from './1795594851632-AdviserOpinions';
import { InboxIndexes1795595437203 } from './1795595437203-InboxIndexes';
import { PublicComment17956200000000 } from './17956200000000-PublicComment';
import { UnifiedRegister17956100000000 } from './17956100000000-UnifiedRegister';
import { DecisionCatalog17956300000000 } from './17956300000000-DecisionCatalog';
import { CleanupCampaign17956400000000 } from './17956400000000-CleanupCampaign';
import { OversightIndexes17956500000000 } from './17956500000000-OversightIndexes';
import { RateLimitsAndSignIn17961000000000 } from './17961000000000-RateLimitsAndSignIn';
import { EvidenceChains17962000000000 } from './17962000000000-EvidenceChains';
import { EvidenceRoles17962100000000 } from './17962100000000-EvidenceRoles';
import { SessionRevocation17963000000000 } from './17963000000000-SessionRevocation';
import { AccountQualifications17963100000000 } from './17963100000000-AccountQualifications';
import { NotificationOutbox17963200000000 } from './17963200000000-NotificationOutbox';
import { RegisterFullText17963300000000 } from './17963300000000-RegisterFullText';
import { DecisionRecordsAndIntegrityAlerts17970000000000 } from './17970000000000-DecisionRecordsAndIntegrityAlerts';
import { TaskQuestion17971000000000 } from './17971000000000-TaskQuestion';
import { CatalogConsentMeeting17977000000000 } from './17977000000000-CatalogConsentMeeting';
import { FilingCatalogEditionsAndReviewStatus17980000000000 } from './17980000000000-FilingCatalogEditionsAndReviewStatus';
import { PreReview17973000000000 } from './17973000000000-PreReview';
import { OidcSignIn17974000000000 } from './17974000000000-OidcSignIn';
import { TaskHoldersAndLedgerReconciliation17975000000000 } from './17975000000000-TaskHoldersAndLedgerReconciliation';
import { DocumentValidity17976000000000 } from './17976000000000-DocumentValidity';
import { InboxCounts17993000000000 } from './17993000000000-InboxCounts';
import { ConsoleAtProvinceScale17993100000000 } from './17993100000000-ConsoleAtProvinceScale';
import { InvolvementAndRateCounters17993200000000 } from './17993200000000-InvolvementAndRateCounters';

/** Every migration, in order. A new migration file must be added here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1795591307231,
  WorkingDayCalendar1795593028944,
  AdviserRouting1795593506608,
  DocumentVersions1795594067412,
  DeadlineNotifications1795594472946,
  AdviserOpinions1795594851632,
  InboxIndexes1795595437203,
  UnifiedRegister17956100000000,
  PublicComment17956200000000,
  DecisionCatalog17956300000000,
  CleanupCampaign17956400000000,
  OversightIndexes17956500000000,
  RateLimitsAndSignIn17961000000000,
  EvidenceChains17962000000000,
  EvidenceRoles17962100000000,
  SessionRevocation17963000000000,
  AccountQualifications17963100000000,
  NotificationOutbox17963200000000,
  RegisterFullText17963300000000,
  DecisionRecordsAndIntegrityAlerts17970000000000,
  TaskQuestion17971000000000,
  PreReview17973000000000,
  OidcSignIn17974000000000,
  TaskHoldersAndLedgerReconciliation17975000000000,
  DocumentValidity17976000000000,
  CatalogConsentMeeting17977000000000,
  FilingCatalogEditionsAndReviewStatus17980000000000,
  InboxCounts17993000000000,
  ConsoleAtProvinceScale17993100000000,
  InvolvementAndRateCounters17993200000000,
];
