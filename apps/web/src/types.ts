/** Shapes of the API's answers (apps/api/src/**\/*.dto.ts), as the web app reads them. */
import type { Role } from '../../../libs/domain/src/roles';
import type { ProcedureSnapshot } from '../../../libs/domain/src/procedures/normative-document.contract';

export type { ProcedureSnapshot, Role };

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  unitCode: string;
  unitKind: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: Principal;
}

export interface Task {
  id: string;
  procedureId: string;
  workflowId: string;
  stage: string;
  round: number;
  kind: string;
  title: string;
  legalBasis: string;
  assigneeUnitId: string;
  assigneeUserId: string | null;
  status: string;
  routingNote: string | null;
  subjectVersionId: string | null;
  delegateUserId: string | null;
  /** The delegate's draft opinion, waiting for the holder's countersignature. */
  draftOpinion: DraftOpinion | null;
  dueAt: string | null;
  dueProblem: string | null;
  outcome: string | null;
  createdAt: string;
  procedureTitle?: string;
  procedureType?: string;
}

export interface DraftOpinion {
  conclusion: 'LAWFUL' | 'UNLAWFUL' | 'MUST_AMEND';
  reasons: string;
  reviewedSha256: string;
  byUserId: string;
  at: string;
}

export interface DelegateCandidate {
  userId: string;
  displayName: string;
  expertise: string[];
  openTasks: number;
}

export interface CommentCounts {
  total: number;
  answered: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
}

/** A comment window as those working on the procedure see it (GET /api/procedures/:id/comment-windows). */
export interface ProcedureCommentWindow {
  windowId: string;
  title: string;
  status: 'OPEN' | 'NOT_YET_OPEN' | 'CLOSED';
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  draft: { sha256: string };
  comments: number;
  summary: CommentCounts;
}

export interface InboxPage {
  items: Task[];
  nextCursor: string | null;
  counts: { open: number; overdue: number };
}

export interface Procedure {
  id: string;
  workflowId: string;
  type: string;
  projectCode: string;
  title: string;
  departmentId: string;
  departmentName: string;
  stage: string;
  status: string;
  policyVersion: string;
  createdAt: string;
  updatedAt: string;
}

export interface LedgerEntry {
  seq: string;
  stage: string;
  actorName: string;
  actorRole: string;
  decision: string;
  opinion: string;
  documentSha256: string | null;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

export interface ProcedureDetail extends Procedure {
  tasks: Task[];
  ledger: LedgerEntry[];
  temporalUiUrl: string;
  live: ProcedureSnapshot | null;
}

export interface DocumentVersion {
  versionId: string;
  version: number;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  note: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ProcedureDocument {
  documentId: string;
  kind: string;
  current: DocumentVersion | null;
  versions: DocumentVersion[];
}

export interface VersionDiff {
  from: DocumentVersion;
  to: DocumentVersion;
  added: number;
  removed: number;
  unifiedDiff: string;
}

export interface PublicWindow {
  windowId: string;
  title: string;
  status: 'OPEN' | 'NOT_YET_OPEN' | 'CLOSED';
  opensAt: string;
  closesAt: string;
  minimumClosesAt: string;
  shortenedReason: string | null;
  draft: { sha256: string; mediaType: string | null; filename: string | null; url: string };
  comments: number;
}

export interface DrafterComment {
  commentId: string;
  receiptNo: string;
  content: string;
  name: string | null;
  contact: string | null;
  submittedAt: string;
  answer: string | null;
  answerReason: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface RegisterEntry {
  id: string;
  number: string;
  title: string;
  issuer: { code: string; name: string };
  status: string;
  usableAsBasis: boolean;
  registeredAt: string;
  publishedAt: string | null;
  effectiveAt: string | null;
  validUntil: string;
  publication: { channel: string; reference: string; publishedAt: string } | null;
  textUrl: string | null;
}

export interface AdviserCandidate {
  userId: string;
  displayName: string;
  expertise: string[];
  openTasks: number;
  maxOpenTasks: number;
  active: boolean;
  /** Present in the routing overview (`GET /api/admin/routing`). */
  assignedDepartmentIds?: string[];
}

/** A unit of the organisation (`GET /api/org/units`). */
export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
}
