import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/error-body';
import { AdminRegisterPageDto, IssuerSeriesResponseDto } from './register.responses';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- its transactions move into a service next (docs/api.md)
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import { REGISTER_STATUSES } from '../../../../libs/domain/src/register';
import { Role } from '../../../../libs/domain/src/roles';
import type { IssuerSeriesEntity } from '../../../../libs/persistence/src/entities';
import { AuditRepository } from '../../../../libs/persistence/src/repositories/audit.repository';
import { OrgRepository } from '../../../../libs/persistence/src/repositories/org.repository';
import { RegisterRepository } from '../../../../libs/persistence/src/repositories/register.repository';
import { CurrentUser, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { AdminRegisterQueryDto, IssuerSeriesDto } from './register.dto';
import { entryDto, RegisterService } from './register.service';

function seriesDto(s: IssuerSeriesEntity) {
  return {
    id: s.id,
    issuerUnitId: s.issuerUnitId,
    issuerCode: s.issuerUnit?.code ?? null,
    issuerName: s.issuerUnit?.name ?? null,
    series: s.series,
    prefix: s.prefix,
    active: s.active,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** The whole register for the legal-affairs office and administrators, and the issuers' number series. */
@ApiTags('register')
@ApiBearerAuth()
@Controller('admin')
export class AdminRegisterController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: RegisterRepository,
    private readonly service: RegisterService,
    private readonly audit: AuditRepository,
    private readonly org: OrgRepository,
  ) {}

  @Get('register')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'The register in every status, unpublished and voided numbers included' })
  @ApiOkResponse({ type: AdminRegisterPageDto })
  async list(@Query() query: AdminRegisterQueryDto) {
    const page = await this.service.list(query, query.status ? [query.status] : [...REGISTER_STATUSES]);
    const voided = new Map(
      (await this.register.voidedOf(page.items.map((r) => r.entry.id))).map((v) => [v.registerEntryId, v]),
    );
    return {
      items: page.items.map((row) => {
        const v = voided.get(row.entry.id);
        return {
          ...entryDto(row),
          procedureId: row.entry.procedureId,
          documentSha256: row.entry.documentSha256,
          statusReason: row.entry.statusReason,
          voided: v ? { reason: v.reason, actorId: v.actorId, voidedAt: v.voidedAt.toISOString() } : null,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  @Get('issuer-series')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({ summary: "The issuers' number series and their printed codes" })
  @ApiOkResponse({ type: IssuerSeriesResponseDto, isArray: true })
  async series() {
    return (await this.register.listSeries()).map(seriesDto);
  }

  @Put('issuer-series')
  @Roles(Role.SystemAdmin, Role.LegalAffairsOfficer)
  @ApiOperation({
    summary: "Create or change an issuer's number series (audited with the reason); numbers given keep their form",
  })
  @ApiOkResponse({ type: IssuerSeriesResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'The change breaks a rule of the number series' })
  async setSeries(@CurrentUser() user: Principal, @Body() body: IssuerSeriesDto) {
    if (!(await this.org.findUnitById(body.issuerUnitId))) {
      throw new DomainError(ErrorCode.NotFound, `There is no organisation unit ${body.issuerUnitId}.`);
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      const taken = await this.register.findSeriesByPrefix(manager, body.prefix);
      if (taken && (taken.issuerUnitId !== body.issuerUnitId || taken.series !== body.series)) {
        throw new DomainError(
          ErrorCode.RuleViolation,
          `The code ${body.prefix} is already printed by another series; two series would print the same numbers.`,
        );
      }
      const before = await this.register.findSeries(manager, body.issuerUnitId, body.series);
      const s = await this.register.upsertSeries(manager, body);
      await this.audit.record(manager, {
        actorKind: 'OPERATOR',
        actorId: user.userId,
        action: before ? 'register.series.changed' : 'register.series.created',
        procedureId: null,
        reason: body.reason,
        details: {
          issuerSeriesId: s.id,
          series: s.series,
          prefix: s.prefix,
          active: s.active,
          previous: before ? { prefix: before.prefix, active: before.active } : null,
        },
        dedupKey: `issuer-series:${s.id}:${Date.now()}`,
      });
      return s;
    });
    return seriesDto({ ...saved, issuerUnit: (await this.org.findUnitById(saved.issuerUnitId)) ?? undefined });
  }
}
