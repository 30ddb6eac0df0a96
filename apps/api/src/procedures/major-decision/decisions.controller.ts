import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body';
import { ProcedureSnapshotDto } from '../procedures.dto';
import type { FastifyReply } from 'fastify';
import { Role, type MajorDecisionSnapshot } from '@lawgate/domain';
import { CurrentUser, type Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { ArchiveService } from './archive.service';
import { DecisionsService } from './decisions.service';
import { StartMajorDecisionDto } from './major-decision.dto';
import { uuidParam } from '../../common/params';

const uuid = uuidParam('id');

/**
 * Major administrative decisions (重大行政决策): start one (refused at scope classification for the Art 3 §2 kinds),
 * and read its live state. Its steps are taken at `POST /api/procedures/:id/steps/:step` (`major-decision.api.ts`).
 */
@ApiTags('major decisions')
@ApiBearerAuth()
@Controller('procedures')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
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
