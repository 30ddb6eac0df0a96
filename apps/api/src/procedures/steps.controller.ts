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
import { Role } from '@lawgate/domain';
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
import { ProcedureStepsService, type StepResult } from './procedure-steps.service';
import { idempotencyKeyOf, uuidParam } from '../common/params';

const uuid = uuidParam;

const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'Repeat the same key to repeat safely' };
const REFUSED = { type: ErrorBodyDto, description: 'The stage does not allow it, or the task is closed' };
const RULE = { type: ErrorBodyDto, description: 'A rule of the procedure refuses it; the message names the rule' };

/**
 * The normative-document steps at their first URLs, kept as thin aliases of `POST /api/procedures/:id/steps/:step`
 * until clients have moved (docs/api.md says when they go). Each validates its body and takes the same step.
 */
@ApiTags('procedure steps')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY)
@ApiOkResponse({ type: ProcedureSnapshotDto })
@ApiConflictResponse(REFUSED)
@ApiUnprocessableEntityResponse(RULE)
@Controller('procedures/:id')
export class NormativeStepAliasesController {
  constructor(private readonly steps: ProcedureStepsService) {}

  @Post('complete-drafting')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B2: finish drafting (draft, drafting explanation and basis list uploaded)' })
  completeDrafting(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: NoteDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'complete-drafting', body, idempotencyKeyOf(idem));
  }

  @Post('fair-competition-review')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B3: record the fair-competition review (a failing one returns the draft to drafting)' })
  fairCompetition(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: FairCompetitionReviewDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'fair-competition-review', body, idempotencyKeyOf(idem));
  }

  @Post('comment-window')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: publish the current draft for public comment (statutory minimum unless shortened)' })
  openCommentWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: OpenCommentWindowDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'comment-window', body, idempotencyKeyOf(idem));
  }

  @Post('comment-window/extend')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: extend the comment window (a recorded act with its reason)' })
  extendCommentWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: ExtendCommentWindowDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'extend-comment-window', body, idempotencyKeyOf(idem));
  }

  @Post('comment-window/close')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: close the window once the statutory minimum has run (refused before)' })
  closeCommentWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: OptionalNoteDto,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'close-comment-window', body);
  }

  @Post('comments/:commentId/answer')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: answer a public comment (adopted / partly / not adopted, with the reason)' })
  answerComment(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Param('commentId', uuid('commentId')) commentId: string,
    @Body() body: AnswerCommentDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'answer-comment', { commentId, ...body }, idempotencyKeyOf(idem));
  }

  @Post('complete-public-comment')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B4: leave public comment once the window closed and every comment is answered' })
  completePublicComment(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: NoteDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'complete-public-comment', body, idempotencyKeyOf(idem));
  }

  @Post('submit-for-review')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: "B5: sign the unit's own legality check and submit the materials for legality review" })
  submitForReview(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: SubmitForReviewDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'submit-for-review', body, idempotencyKeyOf(idem));
  }

  @Post('resubmit')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'B7: resubmit after revision, or state the reasons for not adopting the opinion' })
  resubmit(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: ResubmitRevisionDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'resubmit', body, idempotencyKeyOf(idem));
  }

  @Post('filing-events')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B11: record a filing event (submitted, correction requested, resubmitted, accepted)' })
  filingEvent(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: FilingEventDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'filing-events', body, idempotencyKeyOf(idem));
  }

  @Post('repeal')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B12: repeal a document in force (废止), with the reason' })
  repeal(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: RepealDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.take(user, id, 'repeal', body, idempotencyKeyOf(idem));
  }
}

/** Task steps at their first URLs (`/api/tasks/:id/<step>`): aliases of the same steps, addressed by the task. */
@ApiTags('procedure steps')
@ApiBearerAuth()
@ApiHeader(IDEMPOTENCY)
@ApiOkResponse({ type: ProcedureSnapshotDto })
@ApiConflictResponse(REFUSED)
@ApiUnprocessableEntityResponse(RULE)
@Controller('tasks/:id')
export class TaskStepAliasesController {
  constructor(private readonly steps: ProcedureStepsService) {}

  @Post('materials-check')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B6 intake: the materials are complete (the review clock starts) or what is missing' })
  materialsCheck(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: MaterialsCheckDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.takeOnTask(user, id, 'materials-check', body, idempotencyKeyOf(idem));
  }

  @Post('legality-opinion')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.LegalAdviser, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B6: sign the legality opinion on the exact current draft (409 if it changed)' })
  legalityOpinion(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: AdviserOpinionDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.takeOnTask(user, id, 'legality-opinion', body, idempotencyKeyOf(idem));
  }

  @Post('deliberation')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.Leader)
  @ApiOperation({ summary: 'B8: record the collective deliberation; the principal signs' })
  deliberation(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: DeliberationDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.takeOnTask(user, id, 'deliberation', body, idempotencyKeyOf(idem));
  }

  @Post('registration')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B9: register the document; it gets its number (e.g. 坛政规〔2026〕3号)' })
  registration(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: OptionalNoteDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.takeOnTask(user, id, 'registration', body, idempotencyKeyOf(idem));
  }

  @Post('publication')
  @HttpCode(200)
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'B10: record the publication; only then is the document in force' })
  publication(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: PublicationDto,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    return this.steps.takeOnTask(user, id, 'publication', body, idempotencyKeyOf(idem));
  }
}
