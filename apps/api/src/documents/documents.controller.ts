import { createHash } from 'node:crypto';
import {
  Controller,
  createParamDecorator,
  Get,
  Headers,
  Param,
  Post,
  Query,
  Res,
  type ExecutionContext,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProcedureSnapshotDto } from '../procedures/procedures.dto';
import { ErrorBodyDto } from '../common/error-body';
import { ProcedureDocumentResponseDto, VersionDiffResponseDto, VersionTextResponseDto } from './documents.responses';
import { createTwoFilesPatch, diffLines } from 'diff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  type DocumentKind,
  uploadStagesOf,
  procedureDefinition,
  DomainError,
  ErrorCode,
  ALL_ROLES,
  Role,
  getProcedureStateQuery,
  submitDocumentVersionUpdate,
  type ProcedureSnapshot,
  canReadDrafts,
} from '@lawgate/domain';
import {
  type DocumentVersionEntity,
  DocumentRepository,
  ProcedureRepository,
  TaskRepository,
} from '@lawgate/persistence';
import { ProcedureGateway, stepUpdateId } from '@lawgate/temporal';
import { actorOf, CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { canSeeProcedure, visibilityOf } from '../procedures/procedures.service';
import { uuidParam } from '../common/params';
import { DocumentContentService } from './document-content.service';

/** The raw request body (a Buffer), as the document content-type parsers leave it. */
const RawBody = createParamDecorator((_data: unknown, ctx: ExecutionContext): unknown => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().body;
});

const uuid = uuidParam;

function versionDto(v: DocumentVersionEntity) {
  return {
    versionId: v.id,
    version: v.version,
    sha256: v.sha256,
    size: v.size,
    mediaType: v.mediaType,
    filename: v.filename,
    note: v.note,
    uploadedBy: v.uploader?.displayName ?? v.uploadedBy,
    uploadedAt: v.uploadedAt.toISOString(),
  };
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly contents: DocumentContentService,
    private readonly gateway: ProcedureGateway,
  ) {}

  @Post('procedures/:id/documents/:kind')
  @Roles(Role.Drafter)
  @ApiOperation({
    summary: 'Upload a new version of a document (the body is the file; Content-Type says what it is)',
    description: `Types: ${Object.entries(DOCUMENT_MEDIA_TYPES)
      .map(([type, t]) => `${type} (${t.label})`)
      .join(', ')}. Optional headers: X-Filename (URL-encoded), X-Note (URL-encoded).`,
  })
  @ApiConsumes(...Object.keys(DOCUMENT_MEDIA_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({
    type: ProcedureSnapshotDto,
    description: 'The procedure with the current version of each document',
  })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The stage does not take this document now' })
  async upload(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) procedureId: string,
    @Param('kind') kind: string,
    @RawBody() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-filename') rawFilename: string | undefined,
    @Headers('x-note') rawNote: string | undefined,
  ): Promise<ProcedureSnapshot> {
    if (!DOCUMENT_KINDS.includes(kind as DocumentKind)) {
      throw new DomainError(
        ErrorCode.NotFound,
        `There is no document kind ${kind}; use one of ${DOCUMENT_KINDS.join(', ')}.`,
      );
    }
    const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (!DOCUMENT_MEDIA_TYPES[mediaType] || !Buffer.isBuffer(body)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Send the file as one of: ${Object.values(DOCUMENT_MEDIA_TYPES)
          .map((t) => t.label)
          .join(', ')}.`,
      );
    }
    if (body.length === 0) throw new DomainError(ErrorCode.ValidationFailed, 'The file is empty.');
    await this.contents.check(mediaType, body);
    const filename = decodeHeader(rawFilename, 'X-Filename') ?? `${kind.toLowerCase()}`;
    const note = decodeHeader(rawNote, 'X-Note') ?? '';
    if (filename.length > 200 || note.length > 2000) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'The file name (200) or the note (2000 characters) is too long.',
      );
    }
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure || procedure.departmentId !== user.unitId) {
      throw new DomainError(ErrorCode.NotFound, `Your department has no procedure ${procedureId}.`);
    }
    const sha256 = createHash('sha256').update(body).digest('hex');
    // The stages are the procedure definition's upload stages; the workflow checks again. The read model's stage
    // answers when it is one of them (a stale one only lets bytes be stored that the workflow then refuses); otherwise
    // the procedure is asked, so that bytes it would refuse are not stored and no upload is refused on a stale stage.
    const definition = procedureDefinition(procedure.type);
    const uploadStages = definition ? uploadStagesOf<string>(definition) : [];
    const stage = uploadStages.includes(procedure.stage)
      ? procedure.stage
      : (await this.gateway.query<ProcedureSnapshot>(procedure.workflowId, getProcedureStateQuery)).stage;
    if (!definition || !uploadStages.includes(stage)) {
      throw new DomainError(
        ErrorCode.WrongStage,
        `Documents can be added ${definition?.uploadWindow ?? 'only in a drafting stage'}; ` +
          `the procedure is in stage ${stage}.`,
      );
    }
    await this.documents.storeBlob(sha256, body);
    // One update per (procedure, kind, bytes): sending the same file twice records it once; the same file in another
    // procedure is that procedure's own version.
    return this.gateway.step(
      procedure.workflowId,
      submitDocumentVersionUpdate,
      { kind: kind as DocumentKind, sha256, size: body.length, mediaType, filename, note, actor: actorOf(user) },
      stepUpdateId(submitDocumentVersionUpdate.name, procedure.id, `${kind}:${sha256}`),
    );
  }

  @Get('procedures/:id/documents')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: "The procedure's documents with every version (SHA-256, size, who uploaded it, when)" })
  @ApiOkResponse({ type: ProcedureDocumentResponseDto, isArray: true })
  async list(@CurrentUser() user: Principal, @Param('id', uuid('id')) procedureId: string) {
    await this.visibleProcedure(user, procedureId);
    const documents = await this.documents.listForProcedure(procedureId);
    return documents.map(({ document, versions }) => ({
      documentId: document.id,
      kind: document.kind,
      current: versions.length > 0 ? versionDto(versions[versions.length - 1]) : null,
      versions: versions.map(versionDto),
    }));
  }

  @Get('documents/versions/:versionId/content')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The exact bytes of a version (ETag is its SHA-256)' })
  async content(
    @CurrentUser() user: Principal,
    @Param('versionId', uuid('versionId')) versionId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const version = await this.visibleVersion(user, versionId);
    const content = await this.documents.content(version.sha256);
    if (!content) throw new DomainError(ErrorCode.NotFound, 'The content of this version is missing.');
    await reply
      .header('content-type', version.mediaType)
      .header('etag', `"${version.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(version.filename)}`)
      .send(content);
  }

  @Get('documents/versions/:versionId/diff')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Line diff of a text version against another version of the same document (default: the previous one)',
  })
  @ApiOkResponse({ type: VersionDiffResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The first version, versions of different documents, or a type without a line diff',
  })
  async diff(
    @CurrentUser() user: Principal,
    @Param('versionId', uuid('versionId')) versionId: string,
    @Query('against') against?: string,
  ) {
    const to = await this.visibleVersion(user, versionId);
    let from: DocumentVersionEntity | null;
    if (against !== undefined) {
      if (!/^[0-9a-f-]{36}$/i.test(against)) {
        throw new DomainError(ErrorCode.ValidationFailed, 'against must be a UUID.');
      }
      from = await this.documents.findVersion(against);
      if (!from || from.documentId !== to.documentId) {
        throw new DomainError(ErrorCode.RuleViolation, 'Compare versions of the same document only.');
      }
    } else {
      from = await this.documents.previousVersion(to);
      if (!from) {
        throw new DomainError(
          ErrorCode.RuleViolation,
          `Version ${to.version} is the first; there is nothing to compare.`,
        );
      }
    }
    const [a, b] = await Promise.all([this.documents.content(from.sha256), this.documents.content(to.sha256)]);
    const oldText = a ? await this.contents.textOf(from.mediaType, a) : '';
    const newText = b ? await this.contents.textOf(to.mediaType, b) : '';
    if (oldText === null || newText === null) {
      throw new DomainError(ErrorCode.RuleViolation, 'A line diff is available for text and Word documents only.');
    }
    const changes = diffLines(oldText, newText);
    return {
      from: versionDto(from),
      to: versionDto(to),
      added: changes.filter((c) => c.added).reduce((n, c) => n + (c.count ?? 0), 0),
      removed: changes.filter((c) => c.removed).reduce((n, c) => n + (c.count ?? 0), 0),
      unifiedDiff: createTwoFilesPatch(`v${from.version}`, `v${to.version}`, oldText, newText),
    };
  }

  @Get('documents/versions/:versionId/text')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The text of a version for a preview (a .docx as its text; null for a PDF)' })
  @ApiOkResponse({ type: VersionTextResponseDto })
  async text(@CurrentUser() user: Principal, @Param('versionId', uuid('versionId')) versionId: string) {
    const version = await this.visibleVersion(user, versionId);
    const content = await this.documents.content(version.sha256);
    if (!content) throw new DomainError(ErrorCode.NotFound, 'The content of this version is missing.');
    return { ...versionDto(version), text: await this.contents.textOf(version.mediaType, content) };
  }

  private async visibleProcedure(user: Principal, procedureId: string) {
    const procedure = await this.procedures.findById(procedureId);
    const tasks = procedure ? await this.tasks.findByProcedure(procedureId) : [];
    if (!procedure || !canSeeProcedure(user, procedure, tasks)) {
      throw new DomainError(ErrorCode.NotFound, `There is no procedure ${procedureId} that you can see.`);
    }
    return procedure;
  }

  /** A version whose text the user may read (narrower than seeing the procedure: see `canReadDrafts`). */
  private async visibleVersion(user: Principal, versionId: string): Promise<DocumentVersionEntity> {
    const version = await this.documents.findVersion(versionId);
    if (!version?.document) throw new DomainError(ErrorCode.NotFound, `There is no document version ${versionId}.`);
    const procedure = await this.visibleProcedure(user, version.document.procedureId);
    const tasks = await this.tasks.findByProcedure(procedure.id);
    if (!canReadDrafts(visibilityOf(user, procedure, tasks))) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'You can see this procedure but not its draft texts in its current stage.',
      );
    }
    return version;
  }
}

function decodeHeader(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new DomainError(ErrorCode.ValidationFailed, `The ${name} header must be URL-encoded.`);
  }
}
