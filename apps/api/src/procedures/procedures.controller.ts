import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ALL_ROLES, Role } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ErrorBodyDto } from '../common/error-body';
import {
  AdviserOpinionDto,
  DelegateCandidateDto,
  DelegateTaskDto,
  RequestAdviserOpinionDto,
  InboxPageDto,
  InboxQueryDto,
  ReassignTaskDto,
  ListQueryDto,
  ProcedureDetailDto,
  ProcedureDto,
  ProcedureSnapshotDto,
  StartNormativeDocumentDto,
  TaskDto,
  WithdrawProcedureDto,
} from './procedures.dto';
import { ProceduresService } from './procedures.service';
import { NormativeDocumentService } from './normative-document/normative-document.service';
import { OpinionsService } from './opinions.service';
import { TasksService } from './tasks.service';
import { idempotencyKeyOf, uuidParam } from '../common/params';

const uuid = uuidParam;

@ApiTags('procedures')
@ApiBearerAuth()
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly service: ProceduresService,
    private readonly normativeDocuments: NormativeDocumentService,
    private readonly opinions: OpinionsService,
  ) {}

  @Post('normative-documents')
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'Apply for project approval (立项) of an administrative normative document' })
  @ApiCreatedResponse({ type: ProcedureSnapshotDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description:
      'A procedure with this department and project code exists, or the document it amends waits for no amendment',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'The document it amends is not one of your department' })
  start(@CurrentUser() user: Principal, @Body() body: StartNormativeDocumentDto): Promise<ProcedureSnapshotDto> {
    return this.normativeDocuments.start(user, body);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Procedures visible to the signed-in user, newest first' })
  @ApiOkResponse({ type: [ProcedureDto] })
  list(@CurrentUser() user: Principal, @Query() query: ListQueryDto): Promise<ProcedureDto[]> {
    return this.service.list(user, query.limit ?? 50, query.stage);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One procedure with its tasks and sign-off ledger' })
  @ApiOkResponse({ type: ProcedureDetailDto })
  detail(@CurrentUser() user: Principal, @Param('id', uuid('id')) id: string): Promise<ProcedureDetailDto> {
    return this.service.detail(user, id);
  }

  @Post(':id/adviser-opinion-requests')
  @Roles(Role.Drafter)
  @ApiOperation({
    summary: "Ask the government's legal advisers for an opinion on the current draft (routed by expertise)",
  })
  @ApiCreatedResponse({ type: ProcedureSnapshotDto })
  requestOpinion(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: RequestAdviserOpinionDto,
  ): Promise<ProcedureSnapshotDto> {
    return this.opinions.request(user, id, body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'Withdraw a running procedure of your department, with a reason' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The procedure has ended or is busy' })
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  withdraw(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: WithdrawProcedureDto,
  ): Promise<ProcedureSnapshotDto> {
    return this.service.withdraw(user, id, body);
  }
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly opinions: OpinionsService,
  ) {}

  @Post(':id/opinion')
  @HttpCode(200)
  @Roles(Role.LegalAdviser)
  @ApiOperation({ summary: 'Sign the opinion on the exact current draft version (409 if the draft changed meanwhile)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat the same key to repeat safely' })
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'The draft version is no longer current, or the task is closed',
  })
  sign(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: AdviserOpinionDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ProcedureSnapshotDto> {
    return this.opinions.sign(user, id, body, idempotencyKeyOf(idempotencyKey));
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @Roles(Role.LegalAdviser)
  @ApiOperation({ summary: 'Have another adviser draft the opinion; you still countersign it' })
  @ApiOkResponse({ type: TaskDto })
  delegate(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: DelegateTaskDto,
  ): Promise<TaskDto> {
    return this.opinions.delegate(user, id, body);
  }

  @Get(':id/delegates')
  @Roles(Role.LegalAdviser)
  @ApiOperation({ summary: 'The advisers the holder of an opinion task can delegate its drafting to' })
  @ApiOkResponse({ type: [DelegateCandidateDto] })
  delegates(@CurrentUser() user: Principal, @Param('id', uuid('id')) id: string): Promise<DelegateCandidateDto[]> {
    return this.opinions.delegates(user, id);
  }

  @Post(':id/opinion-draft')
  @HttpCode(200)
  @Roles(Role.LegalAdviser)
  @ApiOperation({ summary: 'As the delegate, submit the draft opinion for the responsible adviser to countersign' })
  @ApiOkResponse({ type: TaskDto })
  draft(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: AdviserOpinionDto,
  ): Promise<TaskDto> {
    return this.opinions.draft(user, id, body);
  }

  @Get('inbox')
  @Roles(Role.LegalAdviser, Role.LegalAffairsOfficer, Role.Leader, Role.Drafter)
  @ApiOperation({
    summary: 'Open tasks assigned to me or to my unit (not claimed by others), with filters, cursor paging and counts',
  })
  @ApiOkResponse({ type: InboxPageDto })
  inbox(@CurrentUser() user: Principal, @Query() query: InboxQueryDto): Promise<InboxPageDto> {
    return this.tasks.inbox(user, query);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles(Role.LegalAdviser, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: "Take a task of my unit for myself, so that colleagues don't work on it twice" })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The task is closed or someone else holds it' })
  @ApiOkResponse({ type: TaskDto })
  claim(@CurrentUser() user: Principal, @Param('id', uuid('id')) id: string): Promise<TaskDto> {
    return this.tasks.claim(user, id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles(Role.LegalAdviser, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Give a task I hold back to my unit' })
  @ApiOkResponse({ type: TaskDto })
  release(@CurrentUser() user: Principal, @Param('id', uuid('id')) id: string): Promise<TaskDto> {
    return this.tasks.release(user, id);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer, Role.SystemAdmin)
  @ApiOperation({ summary: 'Move a task to another person, with a written reason (recorded in the audit trail)' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The new assignee may not take the task' })
  @ApiOkResponse({ type: TaskDto })
  reassign(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Body() body: ReassignTaskDto,
  ): Promise<TaskDto> {
    return this.tasks.reassign(user, id, body);
  }
}
