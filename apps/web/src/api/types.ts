import type { components, paths } from './schema';
import type { ProcedureSnapshot, Role } from '@lawgate/domain';

/**
 * The shapes of the API's answers, as the web app reads them: every one is the OpenAPI document's schema, from the
 * types `npm run openapi:types` generates (apps/web/src/api/schema.d.ts; an e2e test keeps that file equal to what
 * the running API documents). Nothing here is written by hand but the names, and the live workflow state, which the
 * document leaves open and the domain library types.
 */
type Schemas = components['schemas'];

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/**
 * The JSON answer (200 or 201) of an operation of the document, for answers without a schema name of their own:
 * `Answer<'/api/notifications/unread-count', 'get'>`.
 */
export type Answer<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete'> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

export type { ProcedureSnapshot, Role };

export type ErrorBodyDto = Schemas['ErrorBodyDto'];
export type Principal = Schemas['PrincipalDto'];
export type LoginResponse = Schemas['LoginResponseDto'];

export type Task = Schemas['TaskDto'];
export type DraftOpinion = NonNullable<Task['draftOpinion']>;
export type DelegateCandidate = Schemas['DelegateCandidateDto'];
export type InboxPage = Schemas['InboxPageDto'];

export type Procedure = Schemas['ProcedureDto'];
export type LedgerEntry = Schemas['LedgerEntryDto'];
/** A procedure with its tasks and ledger; `live` is the workflow's own snapshot (typed by the domain library). */
export type ProcedureDetail = Omit<Schemas['ProcedureDetailDto'], 'live'> & { live: ProcedureSnapshot | null };

export type DocumentVersion = Schemas['DocumentVersionResponseDto'];
export type ProcedureDocument = Schemas['ProcedureDocumentResponseDto'];
export type VersionDiff = Schemas['VersionDiffResponseDto'];

export type CommentCounts = Schemas['CommentCountsDto'];
/** A comment window as those working on the procedure see it (GET /api/procedures/:id/comment-windows). */
export type ProcedureCommentWindow = Schemas['OfficeCommentWindowDto'];
/** A comment as the drafting office reads it (GET /api/comment-windows/:id/comments). */
export type DrafterComment = Schemas['OfficeCommentDto'];
export type PublicWindow = Schemas['PublicCommentWindowDto'];

export type RegisterEntry = Schemas['RegisterEntryResponseDto'];
export type RegisterPage = Schemas['RegisterPageResponseDto'];
export type PublishedDecision = Schemas['PublishedDecisionDto'];
export type PublicCatalog = Schemas['PublicCatalogResponseDto'];

export type OrgUnit = Schemas['OrgUnitResponseDto'];
export type AdviserCandidate = Schemas['AdviserCandidateResponseDto'];
export type RoutingOverview = Schemas['RoutingOverviewResponseDto'];

export type AccountUser = Schemas['UserViewResponseDto'];
export type AccountUnit = Schemas['UnitViewResponseDto'];
export type AuditEntry = Schemas['AuditEntryResponseDto'];
export type AuditPage = Schemas['AuditPageResponseDto'];
export type Notice = Schemas['NotificationResponseDto'];
export type NotificationPreferences = Schemas['NotificationPreferencesResponseDto'];

export type CalendarYear = Schemas['CalendarYearResponseDto'];
export type CalendarDay = Schemas['CalendarDayResponseDto'];
export type Deadline = Schemas['DeadlineResponseDto'];

export type AvailableSteps = Schemas['AvailableStepsResponseDto'];

/** What the legal-affairs office's console reads (oversight, decision catalog, clean-up campaigns). */
export type OverdueTask = Schemas['OverdueTaskDto'];
export type Rate = Schemas['RateDto'];
export type MonthlyRate = Schemas['MonthlyRateDto'];
export type Statistics = Schemas['StatisticsDto'];
export type ReviewStatistics = Schemas['ReviewStatisticsDto'];
export type TypeReviewStatistics = Schemas['TypeReviewStatisticsDto'];
export type PublicDisclosure = Schemas['PublicDisclosureDto'];
export type FilingCatalog = Schemas['FilingCatalogDto'];
export type FilingCatalogEdition = Schemas['FilingCatalogEditionDto'];
export type CatalogItemProgress = Schemas['CatalogProgressItemDto'];
export type CatalogProgress = Schemas['CatalogProgressResponseDto'];
export type CatalogVersion = Schemas['CatalogVersionResponseDto'];
export type CleanupCampaign = Schemas['CleanupCampaignResponseDto'];
export type CleanupProgress = Schemas['CleanupProgressResponseDto'];
export type CleanupLists = Schemas['CleanupListsResponseDto'];
export type CleanupListEntry = Schemas['CleanupDecidedDocumentDto'] | Schemas['CleanupExpiredDocumentDto'];
