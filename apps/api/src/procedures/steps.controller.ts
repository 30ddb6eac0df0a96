import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role } from '../../../../libs/domain/src/roles';
import {
  answerCommentUpdate,
  checkMaterialsUpdate,
  closeCommentWindowUpdate,
  completeDraftingUpdate,
  completePublicCommentUpdate,
  extendCommentWindowUpdate,
  giveLegalityOpinionUpdate,
  openCommentWindowUpdate,
  recordDeliberationUpdate,
  recordFairCompetitionReviewUpdate,
  recordFilingEventUpdate,
  recordPublicationUpdate,
  registerDocumentUpdate,
  repealDocumentUpdate,
  resubmitRevisionUpdate,
  submitForLegalityReviewUpdate,
} from '../../../../libs/domain/src/procedures/normative-document.contract';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ErrorBodyDto } from '../common/error-body';
import { AdviserOpinionDto, ProcedureSnapshotDto } from './procedures.dto';
import {
  AnswerCommentDto,
  DeliberationDto,
  OptionalNoteDto,
  ExtendCommentWindowDto,
  FairCompetitionReviewDto,
  FilingEventDto,
  MaterialsCheckDto,
  NoteDto,
  OpenCommentWindowDto,
  PublicationDto,
  RepealDto,
  ResubmitRevisionDto,
  SubmitForReviewDto,
} from './steps.dto';
import { StepsService } from './steps.service';
import { idempotencyKeyOf, uuidParam } from '../common/params';

const uuid = uuidParam;

const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'Repeat the same key to repeat safely' };
const REFUSED = { type: ErrorBodyDto, description: 'The stage does not allow it, or the task is closed' };
const RULE = { type: ErrorBodyDto, description: 'A rule of the procedure refuses it; the message names the rule' };

/** The drafting department's and the legal-affairs office's steps on a normative-document procedure. */
@ApiTags('procedure steps')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY)
@ApiOkResponse({ type: ProcedureSnapshotDto })
@ApiConflictResponse(REFUSED)
@ApiUnprocessableEntityResponse(RULE)
@Controller('procedures/:id')
export class ProcedureStepsController {
  constructor(private readonly steps: StepsService) {}

  @Post('complete-drafting')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B2: finish drafting (draft, drafting explanation and basis list uploaded)' })
  completeDrafting(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: NoteDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(user, id, completeDraftingUpdate, { note: body.note }, idempotencyKeyOf(idem));
  }

  @Post('fair-competition-review')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B3: record the fair-competition review (a failing one returns the draft to drafting)' })
  fairCompetition(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: FairCompetitionReviewDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(user, id, recordFairCompetitionReviewUpdate, { ...body }, idempotencyKeyOf(idem));
  }

  @Post('comment-window')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: publish the current draft for public comment (statutory minimum unless shortened)' })
  openCommentWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: OpenCommentWindowDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(
      user,
      id,
      openCommentWindowUpdate,
      { period: body.period ? { ...body.period } : undefined, shortenedReason: body.shortenedReason },
      idempotencyKeyOf(idem),
    );
  }

  @Post('comment-window/extend')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: extend the comment window (a recorded act with its reason)' })
  extendCommentWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: ExtendCommentWindowDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(
      user,
      id,
      extendCommentWindowUpdate,
      { extension: { ...body.extension }, reason: body.reason },
      idempotencyKeyOf(idem),
    );
  }

  @Post('comment-window/close')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: close the window once the statutory minimum has run (refused before)' })
  closeCommentWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() _body: OptionalNoteDto,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(user, id, closeCommentWindowUpdate, {});
  }

  @Post('comments/:commentId/answer')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: answer a public comment (adopted / partly / not adopted, with the reason)' })
  answerComment(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Param('commentId', uuid('commentId')) commentId: string,
    @Body() body: AnswerCommentDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(user, id, answerCommentUpdate, { commentId, ...body }, idempotencyKeyOf(idem));
  }

  @Post('complete-public-comment')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: leave public comment once the window closed and every comment is answered' })
  completePublicComment(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: NoteDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(user, id, completePublicCommentUpdate, { note: body.note }, idempotencyKeyOf(idem));
  }

  @Post('submit-for-review')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: "B5: sign the unit's own legality check and submit the materials for legality review" })
  submitForReview(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: SubmitForReviewDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(
      user,
      id,
      submitForLegalityReviewUpdate,
      { note: body.note, emergency: body.emergency ? { ...body.emergency } : undefined, expertise: body.expertise },
      idempotencyKeyOf(idem),
    );
  }

  @Post('resubmit')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B7: resubmit after revision, or state the reasons for not adopting the opinion' })
  resubmit(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: ResubmitRevisionDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.drafterStep(user, id, resubmitRevisionUpdate, { ...body }, idempotencyKeyOf(idem));
  }

  @Post('filing-events')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B11: record a filing event (submitted, correction requested, resubmitted, accepted)' })
  filingEvent(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: FilingEventDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.officeStep(user, id, recordFilingEventUpdate, { ...body }, idempotencyKeyOf(idem));
  }

  @Post('repeal')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B12: repeal a document in force (废止), with the reason' })
  repeal(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: RepealDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.officeStep(user, id, repealDocumentUpdate, { reason: body.reason }, idempotencyKeyOf(idem));
  }
}

/** Steps that close a task: only its holder, or a member of the unit it is assigned to, may take them. */
@ApiTags('procedure steps')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY)
@ApiOkResponse({ type: ProcedureSnapshotDto })
@ApiConflictResponse(REFUSED)
@ApiUnprocessableEntityResponse(RULE)
@Controller('tasks/:id')
export class TaskStepsController {
  constructor(private readonly steps: StepsService) {}

  @Post('materials-check')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B6 intake: the materials are complete (the review clock starts) or what is missing' })
  materialsCheck(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: MaterialsCheckDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.taskStep(
      user,
      id,
      ['MATERIALS_CHECK'],
      checkMaterialsUpdate,
      { ...body },
      idempotencyKeyOf(idem),
    );
  }

  @Post('legality-opinion')
  @HttpCode(200)
  @Roles(Role.LegalAdviser, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B6: sign the legality opinion on the exact current draft (409 if it changed)' })
  legalityOpinion(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: AdviserOpinionDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.taskStep(
      user,
      id,
      ['LEGALITY_REVIEW'],
      giveLegalityOpinionUpdate,
      { ...body },
      idempotencyKeyOf(idem),
    );
  }

  @Post('deliberation')
  @HttpCode(200)
  @Roles(Role.Leader)
  @ApiOperation({ summary: 'B8: record the collective deliberation; the principal signs' })
  deliberation(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: DeliberationDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.taskStep(
      user,
      id,
      ['DELIBERATION'],
      recordDeliberationUpdate,
      { ...body },
      idempotencyKeyOf(idem),
    );
  }

  @Post('registration')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B9: register the document; it gets its number (e.g. 坛政规〔2026〕3号)' })
  registration(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() _body: OptionalNoteDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.taskStep(user, id, ['REGISTRATION'], registerDocumentUpdate, {}, idempotencyKeyOf(idem));
  }

  @Post('publication')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B10: record the publication; only then is the document in force' })
  publication(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: PublicationDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.steps.taskStep(user, id, ['PUBLICATION'], recordPublicationUpdate, { ...body }, idempotencyKeyOf(idem));
  }
}
