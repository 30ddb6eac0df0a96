import { Role } from '@lawgate/domain';

/** Who may call an operation: anyone (no sign-in), or a signed-in user holding one of the roles. */
export type Access = 'public' | readonly Role[];

const PUBLIC = 'public' as const;
const D = Role.Drafter;
const A = Role.LegalAdviser;
const O = Role.LegalAffairsOfficer;
const L = Role.Leader;
const S = Role.SystemAdmin;
const ANY_ROLE = [D, A, O, L, S] as const;

/**
 * The access table: every operation of the API (as the OpenAPI document names it, `METHOD /path/{param}`) and who may
 * call it. The guards enforce the endpoints' `@Roles`/`@Public` declarations; the access-matrix test calls every
 * operation as every role, with no token and with forged tokens, and fails where the API and this table disagree
 * (and on any operation missing here), and `docs/endpoints.md` is generated from it. Inside a procedure the
 * workflow decides further (whose task, which stage); this table is the door, not the room.
 */
export const ACCESS_TABLE: Readonly<Record<string, Access>> = {
  'GET /api/health': PUBLIC,
  'GET /api/health/live': PUBLIC,
  'GET /metrics': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/oidc': PUBLIC,
  'GET /api/auth/oidc/login': PUBLIC,
  'GET /api/auth/oidc/callback': PUBLIC,
  'GET /api/auth/me': ANY_ROLE,
  'POST /api/auth/logout': ANY_ROLE,
  'POST /api/auth/logout-everywhere': ANY_ROLE,
  'POST /api/account/password': ANY_ROLE,
  'GET /api/admin/users': [S],
  'POST /api/admin/users': [S],
  'POST /api/admin/users/import': [S],
  'PATCH /api/admin/users/{id}': [S],
  'POST /api/admin/users/{id}/deactivate': [S],
  'POST /api/admin/users/{id}/activate': [S],
  'POST /api/admin/users/{id}/reset-password': [S],
  'POST /api/admin/users/{id}/revoke-sessions': [S],
  'GET /api/admin/units': [S],
  'POST /api/admin/units': [S],
  'PATCH /api/admin/units/{id}': [S],
  'GET /api/admin/exports/register.xlsx': [O, S],
  'GET /api/admin/exports/overdue-tasks.xlsx': [O, S],
  'GET /api/admin/exports/catalog.xlsx': [O, L],
  'GET /api/admin/exports/cleanup-lists.xlsx': [O, S],
  'GET /api/admin/sign-in-lockouts': [S],
  'POST /api/admin/sign-in-lockouts/{username}/unlock': [S],
  'POST /api/procedures/normative-documents': [D],
  'GET /api/procedures': ANY_ROLE,
  'GET /api/procedures/{id}': ANY_ROLE,
  'GET /api/procedures/{id}/steps': ANY_ROLE,
  'POST /api/procedures/{id}/steps/{step}': ANY_ROLE,
  'POST /api/procedures/{id}/adviser-opinion-requests': [D],
  'POST /api/procedures/{id}/withdraw': [D],
  'POST /api/tasks/{id}/opinion': [A],
  'POST /api/tasks/{id}/delegate': [A],
  'GET /api/tasks/{id}/delegates': [A],
  'POST /api/tasks/{id}/opinion-draft': [A],
  'GET /api/tasks/inbox': [A, O, L, D],
  'POST /api/tasks/{id}/claim': [A, O],
  'POST /api/tasks/{id}/release': [A, O],
  'POST /api/tasks/{id}/reassign': [O, S],
  'GET /api/org/units': ANY_ROLE,
  'GET /api/admin/ledger/verify': [S, O],
  'GET /api/admin/audit': [S, O],
  'GET /api/admin/integrity/alerts': [S, O],
  'POST /api/admin/integrity/reconcile': [S, O],
  'GET /api/public/ledger/key': PUBLIC,
  'GET /api/public/feeds/ledger-checkpoints.json': PUBLIC,
  'GET /api/public/filing-catalog': PUBLIC,
  'GET /api/public/feeds/filings.atom': PUBLIC,
  'GET /api/public/feeds/filing-catalog.atom': PUBLIC,
  'GET /api/public/filing-catalog/editions': PUBLIC,
  'GET /api/calendar/years': ANY_ROLE,
  'GET /api/calendar/years/{year}': ANY_ROLE,
  'GET /api/calendar/history': [S, O],
  'PUT /api/calendar/years/{year}': [S, O],
  'GET /api/calendar/deadline': ANY_ROLE,
  'GET /api/admin/routing': [S, O],
  'PUT /api/admin/routing/rules': [S, O],
  'PUT /api/admin/advisers/{userId}': [S, O],
  'GET /api/advisers/me/conflicts': [A],
  'POST /api/advisers/me/conflicts': [A],
  'POST /api/procedures/{id}/documents/{kind}': [D],
  'GET /api/procedures/{id}/documents': ANY_ROLE,
  'GET /api/documents/versions/{versionId}/content': ANY_ROLE,
  'GET /api/documents/versions/{versionId}/text': ANY_ROLE,
  'GET /api/documents/versions/{versionId}/diff': ANY_ROLE,
  'GET /api/procedures/{id}/pre-review': ANY_ROLE,
  'GET /api/admin/pre-review/rules': [S, O],
  'PUT /api/admin/pre-review/rules/{ruleId}': [S],
  'PUT /api/admin/pre-review/laws': [S],
  'GET /api/notifications': ANY_ROLE,
  'GET /api/notifications/unread-count': ANY_ROLE,
  'POST /api/notifications/read-all': ANY_ROLE,
  'GET /api/notifications/preferences': ANY_ROLE,
  'PUT /api/notifications/preferences': ANY_ROLE,
  'POST /api/notifications/{id}/read': ANY_ROLE,
  'GET /api/public/comment-windows': PUBLIC,
  'GET /api/public/comment-windows/{id}': PUBLIC,
  'GET /api/public/comment-windows/{id}/draft': PUBLIC,
  'POST /api/public/comment-windows/{id}/comments': PUBLIC,
  'GET /api/public/comments/{receiptNo}': PUBLIC,
  'GET /api/public/feeds/comment-windows.json': PUBLIC,
  'GET /api/public/feeds/comment-windows.atom': PUBLIC,
  'GET /api/procedures/{id}/comment-windows': [D, O, L, A],
  'GET /api/comment-windows/{id}/comments': [D, O, L, A],
  'GET /api/public/register': PUBLIC,
  'GET /api/public/register/{id}': PUBLIC,
  'GET /api/public/register/{id}/text': PUBLIC,
  'GET /api/public/register/{id}/plain-text': PUBLIC,
  'GET /api/public/feeds/publications.json': PUBLIC,
  'GET /api/public/feeds/publications.atom': PUBLIC,
  'GET /api/public/feeds/expiring.json': PUBLIC,
  'GET /api/public/feeds/expiring.atom': PUBLIC,
  'GET /api/admin/register': [S, O],
  'GET /api/admin/issuer-series': [S, O],
  'PUT /api/admin/issuer-series': [S, O],
  'POST /api/procedures/major-decisions': [D],
  'POST /api/procedures/enforcement-reviews': [D],
  'POST /api/procedures/contract-reviews': [D],
  'POST /api/procedures/filing-reviews': [D, O],
  'GET /api/procedures/filing-reviews/annual-report': [O, L],
  'GET /api/procedures/major-decisions/{id}': [D, O, A, L],
  'GET /api/procedures/{id}/archive': [O, L],
  'GET /api/admin/catalog/{year}/versions': [O, L],
  'POST /api/admin/catalog/{year}/versions': [O],
  'POST /api/admin/catalog/{year}/items': [O],
  'PATCH /api/admin/catalog/{year}/items/{itemKey}': [O],
  'POST /api/admin/catalog/{year}/party-consent': [L],
  'POST /api/admin/catalog/{year}/publish': [O],
  'GET /api/admin/catalog/{year}/progress': [O, L],
  'GET /api/public/catalog/{year}': PUBLIC,
  'GET /api/public/decisions/catalog-years': PUBLIC,
  'GET /api/public/decisions': PUBLIC,
  'GET /api/public/enforcement-disclosures': PUBLIC,
  'GET /api/public/feeds/enforcement-disclosures.json': PUBLIC,
  'POST /api/admin/cleanup-campaigns': [O, S],
  'GET /api/admin/cleanup-campaigns': [O, S],
  'GET /api/admin/cleanup-campaigns/{id}': [O, S],
  'GET /api/admin/cleanup-campaigns/{id}/lists': [O, S],
  'POST /api/tasks/{id}/cleanup-review': [O],
  'GET /api/admin/overdue-tasks': [O, S],
  'GET /api/admin/statistics': [O, S],
  'GET /api/admin/review-statistics': [O, S],
};

/** The roles one may hold, in the order the endpoint table shows them. */
export const ROLE_COLUMNS: readonly Role[] = [D, A, O, L, S];

/**
 * Who may call `operation` (e.g. `GET /api/procedures/{id}`), or undefined for an operation the table lacks. An
 * operation the document spells out per value of a parameter (`POST /api/procedures/{id}/steps/close`, one per
 * step) falls under the table's entry for the parameter (`POST /api/procedures/{id}/steps/{step}`).
 */
export function accessOf(operation: string): Access | undefined {
  return ACCESS_TABLE[operation] ?? ACCESS_TABLE[entryCovering(operation) ?? ''];
}

/** The table entry whose `{parameter}` segments cover a literal segment of `operation`, if any. */
export function entryCovering(operation: string): string | undefined {
  const [method, path] = operation.split(' ');
  const segments = path.split('/');
  return Object.keys(ACCESS_TABLE).find((entry) => {
    const [m, p] = entry.split(' ');
    const parts = p.split('/');
    return (
      m === method &&
      parts.length === segments.length &&
      parts.every((part, i) => part === segments[i] || (part.startsWith('{') && !segments[i].startsWith('{')))
    );
  });
}
