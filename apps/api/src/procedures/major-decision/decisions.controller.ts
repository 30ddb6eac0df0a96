import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body';
import { ProcedureSnapshotDto } from '../procedures.dto';
import { AvailableStepsResponseDto } from '../procedure-steps.responses';
import type { FastifyReply } from 'fastify';
import { Role, type MajorDecisionSnapshot } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ArchiveService } from './archive.service';
import { DecisionsService } from './decisions.service';
import { ProcedureStepsService, type StepResult } from '../procedure-steps.service';
import { MAJOR_DECISION_API } from './major-decision.api';
import { EmptyDto, StartMajorDecisionDto } from './major-decision.dto';
import { idempotencyKeyOf, uuidParam } from '../../common/params';

const uuid = uuidParam('id');

/** The body of any major-decision step: one of the steps' DTOs (each is in the document's components). */
const ANY_STEP_BODY = {
  oneOf: [...new Set(Object.values(MAJOR_DECISION_API.steps).map((s) => s.body))].map((body) => ({
    $ref: getSchemaPath(body),
  })),
};

/**
 * Major administrative decisions (重大行政决策): start one (refused at scope classification for the Art 3 §2 kinds),
 * and read its live state. Its steps are taken at `POST /api/procedures/:id/steps/:step` (`major-decision.api.ts`);
 * the routes `/api/procedures/major-decisions/:id/<step>` and `/steps` remain as aliases (docs/api.md).
 */
@ApiTags('major decisions')
@ApiBearerAuth()
@Controller('procedures')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly steps: ProcedureStepsService,
    private readonly archive: ArchiveService,
  ) {}

  @Post('major-decisions')
  @HttpCode(201)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'A1/G-A1: propose a major decision with its scope classification' })
  @ApiCreatedResponse({ type: ProcedureSnapshotDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The request breaks a rule of the procedure' })
  start(@CurrentUser() user: Principal, @Body() body: StartMajorDecisionDto): Promise<MajorDecisionSnapshot> {
    return this.decisions.start(user, body);
  }

  @Get('major-decisions/:id')
  @Roles(Role.Drafter, Role.LegalAffairsOfficer, Role.LegalAdviser, Role.Leader)
  @ApiOperation({ summary: 'The live state of a major decision' })
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  state(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<MajorDecisionSnapshot> {
    return this.decisions.state(user, id);
  }

  @Get('major-decisions/:id/steps')
  @Roles(Role.Drafter, Role.LegalAffairsOfficer, Role.LegalAdviser, Role.Leader)
  @ApiOperation({ summary: 'The steps I can take now in this major decision, each with the fields of its body' })
  @ApiOkResponse({ type: AvailableStepsResponseDto })
  async available(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    await this.decisions.requireMajorDecision(id);
    return this.steps.available(user, id);
  }

  @Post('major-decisions/:id/:step')
  @HttpCode(200)
  @Roles(Role.Drafter, Role.LegalAffairsOfficer, Role.LegalAdviser, Role.Leader)
  @ApiOperation({
    summary: `Alias of POST /api/procedures/{id}/steps/{step}: ${Object.keys(MAJOR_DECISION_API.steps).join(', ')}`,
  })
  @ApiBody({ schema: ANY_STEP_BODY, description: 'The body of the step named in the path' })
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The stage does not allow it now, or the procedure is busy' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The request breaks a rule of the procedure' })
  async step(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('step') step: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idem?: string,
  ): Promise<StepResult> {
    await this.decisions.requireMajorDecision(id);
    return this.steps.take(user, id, step, body, idempotencyKeyOf(idem));
  }

  @Post('major-decisions/:id/comment-window/close')
  @HttpCode(200)
  @Roles(Role.Drafter)
  @ApiOperation({ summary: 'A5: close the comment window once the statutory minimum has run' })
  @ApiBody({ type: EmptyDto, required: false, description: 'Nothing, or an empty object' })
  @ApiOkResponse({ type: ProcedureSnapshotDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The stage does not allow it now, or the procedure is busy' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The request breaks a rule of the procedure' })
  async closeWindow(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
  ): Promise<StepResult> {
    await this.decisions.requireMajorDecision(id);
    return this.steps.take(user, id, 'close-comment-window', body);
  }

  @Get(':id/archive')
  @Roles(Role.LegalAffairsOfficer, Role.Leader)
  @ApiProduces('application/x-tar')
  @ApiOperation({
    summary: 'A13: the decision archive, one tar with a SHA-256 manifest (verify: npm run archive:verify)',
  })
  async export(@Param('id', uuid) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { filename, tar } = await this.archive.export(id);
    await reply
      .header('content-type', 'application/x-tar')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(tar);
  }
}
