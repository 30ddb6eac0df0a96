import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Role } from '@lawgate/domain';
import { type IntegrityAlertEntity, IntegrityAlertRepository } from '@lawgate/persistence';
import { Reconciler } from '@lawgate/temporal';
import { Roles } from '../auth/roles.decorator';
import { refuseInput } from '../common/no-input';
import {
  IntegrityAlertListDto,
  IntegrityAlertQueryDto,
  ReconciliationReportDto,
  type IntegrityAlertDto,
} from './integrity.dto';

const alertDto = (a: IntegrityAlertEntity): IntegrityAlertDto => ({
  id: a.id,
  procedureId: a.procedureId,
  workflowId: a.workflowId,
  runId: a.runId,
  kind: a.kind,
  message: a.message,
  details: a.details,
  detectedAt: a.detectedAt.toISOString(),
});

/**
 * Integrity alerts: what the reconciliation of the procedures' read models and ledger with their workflows found
 * (a reset, a termination outside LawGate, a closed or missing workflow). The worker reconciles periodically; the
 * office can run it now.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('admin/integrity')
export class IntegrityController {
  constructor(
    private readonly alerts: IntegrityAlertRepository,
    private readonly reconciler: Reconciler,
  ) {}

  @Get('alerts')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Integrity alerts raised by the reconciliation, newest first' })
  @ApiOkResponse({ type: IntegrityAlertListDto })
  async list(@Query() query: IntegrityAlertQueryDto): Promise<IntegrityAlertListDto> {
    const alerts = await this.alerts.list({ procedureId: query.procedureId, limit: query.limit ?? 50 });
    return { alerts: alerts.map(alertDto) };
  }

  @Post('reconcile')
  @HttpCode(200)
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({
    summary:
      "Reconcile now: compare every running (or recently ended) procedure's read model and ledger with its " +
      "workflow's status and history, raising an alert for a reset or a termination outside LawGate",
  })
  @ApiOkResponse({ type: ReconciliationReportDto })
  async reconcile(@Req() request: FastifyRequest): Promise<ReconciliationReportDto> {
    refuseInput(request, 'A reconciliation');
    const report = await this.reconciler.reconcile();
    return { checked: report.checked, unreachable: report.unreachable, raised: report.raised.map(alertDto) };
  }
}
