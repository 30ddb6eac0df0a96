import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsUUID,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import {
  FILING_REVIEW_STATUSES,
  type ProcedureSnapshot,
  type ProcedureStatus,
  type ProjectApprovalDecision,
  PROCEDURE_TYPES,
  type ProcedureType,
  type RunStatus,
} from '@lawgate/domain';
import { PreReviewDecisionDto } from '../pre-review/pre-review.dto';
import type { FilingEntity, LedgerEntryEntity, ProcedureEntity, TaskEntity } from '@lawgate/persistence';

export class ProjectApplicationDto {
  @ApiProperty({ description: '制定必要性: why the document is needed' })
  @IsString()
  @Length(1, 5000)
  necessity: string;

  @ApiProperty({ description: '制定依据: the laws, regulations and policies it rests on' })
  @IsString()
  @Length(1, 5000)
  legalBasis: string;

  @ApiProperty({ description: '主要内容: main content' })
  @IsString()
  @Length(1, 5000)
  mainContent: string;

  @ApiProperty({ description: 'Whether the document touches business activity (涉企)' })
  @IsBoolean()
  touchesBusiness: boolean;

  @ApiProperty({ description: 'Whether the matter is also a major administrative decision' })
  @IsBoolean()
  alsoMajorDecision: boolean;

  @ApiProperty({
    description:
      'G-B1 classification: why this is a normative document (affects rights and obligations, binds generally, ' +
      'applies repeatedly), against the inclusion and exclusion lists',
    example: '涉及不特定公民、法人的权利义务，具有普遍约束力，在一定期限内反复适用。',
  })
  @IsString()
  @Length(10, 2000)
  classificationReason: string;

  @ApiPropertyOptional({ enum: ['GOVERNMENT', 'DEPARTMENT'], default: 'GOVERNMENT' })
  @IsOptional()
  @IsIn(['GOVERNMENT', 'DEPARTMENT'])
  issuer?: 'GOVERNMENT' | 'DEPARTMENT';
}

export class StartNormativeDocumentDto {
  @ApiProperty({
    description: "The department's own project code; with the department it is the procedure's business key",
    example: '2026-001',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, {
    message: 'projectCode must be 1-40 letters, digits or hyphens, starting with a letter or digit',
  })
  projectCode: string;

  @ApiProperty({ example: '金坛区中小学校外培训机构管理办法' })
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiProperty({ type: ProjectApplicationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ProjectApplicationDto)
  application: ProjectApplicationDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The procedure of a document in force whose amendment was decided (at its evaluation or by a clean-up ' +
      'review): this procedure amends it, and replaces it when it takes effect',
  })
  @IsOptional()
  @IsUUID()
  amends?: string;
}

/** The office's word on the drafter's business declaration (公平竞争审查条例 Art 2; 优化营商环境条例 Art 62). */
export class BusinessDeclarationDto {
  @ApiProperty({ description: 'Whether the document touches business activity (涉及经营者经济活动), as confirmed' })
  @IsBoolean()
  touchesBusiness: boolean;

  @ApiPropertyOptional({ description: 'Required when the office corrects the drafter’s declaration' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class DecideProjectApprovalDto {
  @ApiProperty({ enum: ['APPROVED', 'REJECTED'] })
  @IsIn(['APPROVED', 'REJECTED'])
  decision: ProjectApprovalDecision;

  @ApiProperty({ description: 'Written opinion; required when rejecting', example: '同意立项。' })
  @IsString()
  @Length(0, 5000)
  opinion: string;

  @ApiPropertyOptional({
    type: BusinessDeclarationDto,
    description:
      'An approval confirms the drafter’s declaration that the document does or does not touch business activity; ' +
      'give a different value, with the reason, to correct it (it decides the comment period and the ' +
      'fair-competition review)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BusinessDeclarationDto)
  businessDeclaration?: BusinessDeclarationDto;
}

export class WithdrawProcedureDto {
  @ApiProperty({ example: '上位法已修改，不再需要制定。' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only procedures in this stage' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  stage?: string;
}

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: PROCEDURE_TYPES })
  @IsOptional()
  @IsIn(PROCEDURE_TYPES)
  procedureType?: ProcedureType;

  @ApiPropertyOptional({ description: 'Only tasks of this stage' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  stage?: string;

  @ApiPropertyOptional({ description: 'Only tasks due within this many working days', minimum: 0, maximum: 60 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  dueWithinWorkingDays?: number;

  @ApiPropertyOptional({ description: 'Only overdue tasks' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: ['due', 'created'], default: 'due' })
  @IsOptional()
  @IsIn(['due', 'created'])
  sort?: 'due' | 'created';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class RequestAdviserOpinionDto {
  @ApiProperty({ description: 'Areas of expertise the opinion needs', example: ['教育', '行政许可'] })
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  @ArrayMaxSize(10)
  expertise: string[];

  @ApiProperty({ example: '请审查第三条收费规定是否有上位法依据。' })
  @IsString()
  @Length(1, 2000)
  question: string;
}

/** An opinion on the exact draft read: an adviser's while drafting, or the legality review's (B6). */
export class AdviserOpinionDto {
  @ApiProperty({ enum: ['LAWFUL', 'UNLAWFUL', 'MUST_AMEND'], description: '合法 / 不合法 / 应当予以修改' })
  @IsIn(['LAWFUL', 'UNLAWFUL', 'MUST_AMEND'])
  conclusion: 'LAWFUL' | 'UNLAWFUL' | 'MUST_AMEND';

  @ApiProperty({ description: 'Reasons; required unless the conclusion is LAWFUL' })
  @IsString()
  @Length(0, 10000)
  reasons: string;

  @ApiProperty({ description: 'SHA-256 of the draft version read; refused with 409 if it is no longer current' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'reviewedSha256 must be a lowercase hex SHA-256' })
  reviewedSha256: string;

  @ApiPropertyOptional({
    type: [PreReviewDecisionDto],
    description:
      'For a legality opinion: the decision on each finding of the pre-review of that version (422 if one is missing)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PreReviewDecisionDto)
  preReviewDecisions?: PreReviewDecisionDto[];
}

/** The reviewing body's opinion (B6): as an adviser's, and, before the minimum review time, why it is shorter. */
export class LegalityOpinionDto extends AdviserOpinionDto {
  @ApiPropertyOptional({
    maxLength: 2000,
    description: '115号 (五) "一般不少于5个工作日": why the opinion comes before the minimum review time',
  })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  shortReviewReason?: string;
}

export class DelegateTaskDto {
  @ApiProperty({ description: 'The adviser who drafts the opinion' })
  @IsUUID()
  toUserId: string;

  @ApiProperty({ example: '该领域由赵律师先行起草意见' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

/** An adviser the holder of an opinion task can delegate its drafting to. */
export class DelegateCandidateDto {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String] }) expertise: string[];
  @ApiProperty({ description: 'Open tasks the adviser holds' }) openTasks: number;
}

export class ReassignTaskDto {
  @ApiProperty({ description: 'The person who takes the task over' })
  @IsUUID()
  toUserId: string;

  @ApiProperty({ description: 'Why (recorded in the audit trail)', example: '原承办人休假' })
  @IsString()
  @Length(2, 2000)
  reason: string;
}

/** Every status a procedure's run can report (a status missing here fails to compile). */
const RUN_STATUSES = Object.keys({
  ACTIVE: true,
  REJECTED: true,
  WITHDRAWN: true,
  COMPLETED: true,
  IN_FORCE: true,
  ENDED: true,
  SUSPENDED: true,
} satisfies Record<RunStatus, true>) as RunStatus[];

export class ProcedureSnapshotDto implements ProcedureSnapshot {
  @ApiProperty() procedureId: string;
  @ApiProperty() workflowId: string;
  @ApiProperty({ type: String, description: 'The stage of the procedure type' }) stage: ProcedureSnapshot['stage'];
  @ApiProperty({ enum: RUN_STATUSES, description: 'SUSPENDED while a major decision’s execution is suspended' })
  status: ProcedureStatus;
  @ApiProperty({ nullable: true, type: String }) openTaskId: string | null;
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'What the procedure waits for next, in plain words',
  })
  waitingFor?: string | null;
  @ApiPropertyOptional({ type: Object, description: 'Current version of each document' })
  documents?: ProcedureSnapshot['documents'];
  @ApiPropertyOptional({ type: Object, nullable: true }) commentWindow?: ProcedureSnapshot['commentWindow'];
  @ApiPropertyOptional({ type: Object, isArray: true }) legalityOpinions?: ProcedureSnapshot['legalityOpinions'];
  @ApiPropertyOptional({ type: Object, nullable: true, description: 'Number and validity from registration' })
  registration?: ProcedureSnapshot['registration'];
  @ApiPropertyOptional({ type: Object, nullable: true }) publication?: ProcedureSnapshot['publication'];
  @ApiPropertyOptional({ type: Object, nullable: true }) filing?: ProcedureSnapshot['filing'];
  @ApiPropertyOptional({ nullable: true, type: String }) expiresAt?: string | null;
}

export class TaskDto {
  @ApiProperty() id: string;
  @ApiProperty() procedureId: string;
  @ApiProperty() workflowId: string;
  @ApiProperty() stage: string;
  @ApiProperty() round: number;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Why the task exists: regulation and article' }) legalBasis: string;
  @ApiProperty() assigneeUnitId: string;
  @ApiProperty({ nullable: true, type: String }) assigneeUserId: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why the task went where it went' })
  routingNote: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'What the requester asks the adviser to look at' })
  question: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The exact document version the task is about' })
  subjectVersionId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Adviser drafting the opinion for the holder' })
  delegateUserId: string | null;
  // Inline rather than a nullable reference: a `$ref` beside `nullable` does not admit null in OpenAPI 3.0.
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: "The delegate's draft, waiting for countersignature",
    properties: {
      conclusion: { type: 'string', enum: ['LAWFUL', 'UNLAWFUL', 'MUST_AMEND'] },
      reasons: { type: 'string' },
      reviewedSha256: { type: 'string', description: 'SHA-256 of the draft version the delegate read' },
      byUserId: { type: 'string', description: 'The delegate' },
      at: { type: 'string', format: 'date-time' },
    },
    required: ['conclusion', 'reasons', 'reviewedSha256', 'byUserId', 'at'],
  })
  draftOpinion: TaskEntity['draftOpinion'];
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why there is no due date, when it could not be computed' })
  dueProblem: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ description: 'Title of the procedure, when listed in an inbox' }) procedureTitle?: string;
  @ApiPropertyOptional({ description: 'Type of the procedure, when listed in an inbox' }) procedureType?: string;
}

export class InboxCountsDto {
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
}

export class InboxPageDto {
  @ApiProperty({ type: () => [TaskDto] }) items: TaskDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ type: InboxCountsDto }) counts: InboxCountsDto;
}

export class LedgerEntryDto {
  @ApiProperty() seq: string;
  @ApiProperty() stage: string;
  @ApiProperty() actorName: string;
  @ApiProperty() actorRole: string;
  @ApiProperty() decision: string;
  @ApiProperty() opinion: string;
  @ApiProperty({ nullable: true, type: String }) documentSha256: string | null;
  @ApiProperty() recordedAt: string;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class ProcedureDto {
  @ApiProperty() id: string;
  @ApiProperty() workflowId: string;
  @ApiProperty() type: string;
  @ApiProperty() projectCode: string;
  @ApiProperty() title: string;
  @ApiProperty() departmentId: string;
  @ApiProperty() departmentName: string;
  @ApiProperty() stage: string;
  @ApiProperty() status: string;
  @ApiProperty() policyVersion: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** A filing of the procedure's document (备案) with one recipient, and where the recipient's review of it stands. */
export class ProcedureFilingDto {
  @ApiProperty() filingId: string;
  @ApiProperty({ description: 'The authority filed with' }) recipient: string;
  @ApiProperty({ enum: ['PENDING', 'SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) dueAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: [...FILING_REVIEW_STATUSES, null],
    description:
      "The recipient's review status, written by its filing-review case in LawGate (null: not reviewed in LawGate, or not yet)",
  })
  reviewStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewStatusAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The case's ledger entry for that status" })
  reviewReference: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The filing-review case (procedure id)' })
  reviewCaseId: string | null;
}

export class ProcedureDetailDto extends ProcedureDto {
  @ApiProperty({ type: [TaskDto] }) tasks: TaskDto[];
  @ApiProperty({ type: [LedgerEntryDto] }) ledger: LedgerEntryDto[];
  @ApiProperty({ description: 'The procedure in the Temporal Web UI' }) temporalUiUrl: string;
  @ApiProperty({ type: [ProcedureFilingDto], description: "The document's filings (备案) and their review status" })
  filings: ProcedureFilingDto[];
  @ApiProperty({
    type: 'object',
    nullable: true,
    description:
      "The workflow's live state, a procedure snapshot (null when the workflow cannot be asked, e.g. long after it ended)",
    required: ['procedureId', 'workflowId', 'stage', 'status'],
    properties: {
      procedureId: { type: 'string' },
      workflowId: { type: 'string' },
      stage: { type: 'string' },
      status: { type: 'string' },
      openTaskId: { type: 'string', nullable: true },
      dueAt: { type: 'string', nullable: true },
    },
  })
  live: ProcedureSnapshot | null;
}

export function mapTask(task: TaskEntity): TaskDto {
  return {
    id: task.id,
    procedureId: task.procedureId,
    workflowId: task.workflowId,
    stage: task.stage,
    round: task.round,
    kind: task.kind,
    title: task.title,
    legalBasis: task.legalBasis,
    assigneeUnitId: task.assigneeUnitId,
    assigneeUserId: task.assigneeUserId,
    status: task.status,
    routingNote: task.routingNote,
    question: task.question,
    subjectVersionId: task.subjectVersionId,
    delegateUserId: task.delegateUserId,
    draftOpinion: task.draftOpinion,
    dueAt: task.dueAt?.toISOString() ?? null,
    dueProblem: task.dueProblem,
    outcome: task.outcome,
    createdAt: task.createdAt.toISOString(),
    ...(task.procedure ? { procedureTitle: task.procedure.title, procedureType: task.procedure.type } : {}),
  };
}

export function mapProcedure(p: ProcedureEntity): ProcedureDto {
  return {
    id: p.id,
    workflowId: p.workflowId,
    type: p.type,
    projectCode: p.projectCode,
    title: p.title,
    departmentId: p.departmentId,
    departmentName: p.department?.name ?? '',
    stage: p.stage,
    status: p.status,
    policyVersion: p.policyVersion,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function mapLedgerEntry(e: LedgerEntryEntity): LedgerEntryDto {
  return {
    seq: e.seq,
    stage: e.stage,
    actorName: e.actorName,
    actorRole: e.actorRole,
    decision: e.decision,
    opinion: e.opinion,
    documentSha256: e.documentSha256,
    recordedAt: e.recordedAt.toISOString(),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

export function mapFiling(filing: FilingEntity): ProcedureFilingDto {
  return {
    filingId: filing.id,
    recipient: filing.recipient,
    status: filing.status,
    dueAt: filing.dueAt?.toISOString() ?? null,
    reviewStatus: filing.reviewStatus,
    reviewStatusAt: filing.reviewStatusAt?.toISOString() ?? null,
    reviewReference: filing.reviewReference,
    reviewCaseId: filing.reviewCaseId,
  };
}
