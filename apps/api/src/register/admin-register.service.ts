import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, REGISTER_STATUSES, type RegisterStatus } from '@lawgate/domain';
import { type IssuerSeriesEntity, AuditRepository, OrgRepository, RegisterRepository } from '@lawgate/persistence';
import type { AdminRegisterQueryDto, IssuerSeriesDto } from './register.dto';
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

/** The office's view of the whole register, and the issuers' number series (each change audited with it). */
@Injectable()
export class AdminRegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly register: RegisterRepository,
    private readonly entries: RegisterService,
    private readonly audit: AuditRepository,
    private readonly org: OrgRepository,
  ) {}

  /** Every status unless one is asked for, with the voided numbers' records. */
  async list(query: AdminRegisterQueryDto) {
    const statuses: RegisterStatus[] = query.status ? [query.status] : [...REGISTER_STATUSES];
    const page = await this.entries.list(query, statuses);
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

  async series() {
    return (await this.register.listSeries()).map(seriesDto);
  }

  /** Creates or changes a series; two series may not print the same code. */
  async setSeries(actorId: string, body: IssuerSeriesDto) {
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
        actorId,
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
