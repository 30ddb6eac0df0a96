import { Body, Controller, Get, HttpCode, Injectable, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import { Role } from '../../../../libs/domain/src/roles';
import {
  MAJOR_DECISION_STAGE_BASIS,
  MajorDecisionStage,
  type MatterKind,
  MATTER_KINDS,
  scopeRefusal,
} from '../../../../libs/domain/src/procedures/major-decision.contract';
import { formatLegalBasis } from '../../../../libs/domain/src/periods';
import { LedgerRepository } from '../../../../libs/persistence/src/ledger/ledger.repository';
import {
  CatalogRepository,
  type CatalogVersionView,
} from '../../../../libs/persistence/src/repositories/catalog.repository';
import { ProcedureRepository } from '../../../../libs/persistence/src/repositories/procedure.repository';
import { TaskRepository } from '../../../../libs/persistence/src/repositories/task.repository';
import { CurrentUser, type Principal } from '../auth/principal';
import { Public, Roles } from '../auth/roles.decorator';
import { validateBody } from './body-schema';
import { yearParam } from '../common/params';

const year = yearParam();

const ITEM = {
  title: { type: 'string' as const, max: 200 },
  kind: { type: 'string' as const, oneOf: MATTER_KINDS },
  description: { type: 'string' as const, max: 4000 },
  undertakingUnitId: { type: 'string' as const, max: 36, optional: true },
  reason: { type: 'string' as const, max: 4000 },
};

function catalogDto(view: CatalogVersionView) {
  const v = view.version;
  return {
    version: v.version,
    status: v.status,
    partyConsent: v.partyConsentAt
      ? { by: v.partyConsentBy, reference: v.partyConsentReference, at: v.partyConsentAt.toISOString() }
      : null,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    items: view.items.map((i) => ({
      itemKey: i.itemKey,
      title: i.title,
      kind: i.kind,
      description: i.description,
      undertakingUnitId: i.undertakingUnitId,
      procedureId: i.procedureId,
    })),
    acts: view.acts.map((a) => ({
      act: a.act,
      itemKey: a.itemKey,
      reason: a.reason,
      actorId: a.actorId,
      recordedAt: a.recordedAt.toISOString(),
    })),
  };
}

/** Reads of the catalog joined with the procedures it lists. */
@Injectable()
export class CatalogService {
  constructor(
    readonly catalog: CatalogRepository,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async published(y: number): Promise<CatalogVersionView> {
    const view = await this.catalog.published(y);
    if (!view) throw new DomainError(ErrorCode.NotFound, `No ${y} decision catalog has been published.`);
    return view;
  }

  /** Each published item's stage, the steps done (ledger) and the steps overdue (tasks past their due time). */
  async progress(y: number) {
    const view = await this.published(y);
    const now = Date.now();
    const items = [];
    for (const item of view.items) {
      const procedure = item.procedureId ? await this.procedures.findById(item.procedureId) : null;
      const tasks = procedure ? await this.tasks.findByProcedure(procedure.id) : [];
      const entries = procedure ? await this.ledger.findByProcedure(procedure.id) : [];
      items.push({
        itemKey: item.itemKey,
        title: item.title,
        procedureId: item.procedureId,
        stage: procedure?.stage ?? 'NOT_STARTED',
        status: procedure?.status ?? null,
        stepsDone: entries.map((e) => ({
          stage: e.stage,
          decision: e.decision,
          actor: e.actorName,
          at: e.recordedAt.toISOString(),
        })),
        stepsOverdue: tasks
          .filter(
            (t) =>
              t.dueAt &&
              (t.status === 'OPEN' ? t.dueAt.getTime() < now : (t.completedAt?.getTime() ?? 0) > t.dueAt.getTime()),
          )
          .map((t) => ({
            stage: t.stage,
            kind: t.kind,
            dueAt: t.dueAt!.toISOString(),
            open: t.status === 'OPEN',
            legalBasis: t.legalBasis,
          })),
      });
    }
    return { year: y, version: view.version.version, items };
  }

  async publicCatalog(y: number) {
    const view = await this.published(y);
    const dto = catalogDto(view);
    const items = [];
    for (const item of dto.items) {
      const procedure = item.procedureId ? await this.procedures.findById(item.procedureId) : null;
      const stage = (procedure?.stage ?? null) as MajorDecisionStage | null;
      items.push({
        itemKey: item.itemKey,
        title: item.title,
        kind: item.kind,
        description: item.description,
        stage: stage ?? 'NOT_STARTED',
        stageBasis:
          stage && MAJOR_DECISION_STAGE_BASIS[stage] ? formatLegalBasis(MAJOR_DECISION_STAGE_BASIS[stage]) : null,
      });
    }
    return { year: y, version: dto.version, publishedAt: dto.publishedAt, partyConsent: dto.partyConsent, items };
  }
}

/** The officers' management of the decision catalog (G-A2): drafts, items with reasons, Party consent, publication. */
@ApiTags('decision catalog')
@ApiBearerAuth()
@Controller('admin/catalog')
export class AdminCatalogController {
  constructor(private readonly service: CatalogService) {}

  @Get(':year/versions')
  @Roles(Role.LegalAffairsOfficer, Role.Leader)
  @ApiOperation({ summary: 'Every version of the year’s catalog (newest first), with items and recorded acts' })
  async versions(@Param('year', year) y: number) {
    return (await this.service.catalog.versions(y)).map(catalogDto);
  }

  @Post(':year/versions')
  @HttpCode(201)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Open a draft version (copies the published items)' })
  async createDraft(@CurrentUser() user: Principal, @Param('year', year) y: number, @Body() raw: unknown) {
    const body = validateBody<{ title: string; reason: string }>(raw, {
      title: { type: 'string', max: 200 },
      reason: { type: 'string', max: 4000 },
    });
    return catalogDto(await this.service.catalog.createDraft(y, body.title, user.userId, body.reason));
  }

  @Post(':year/items')
  @HttpCode(201)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Add an item to the draft version, with the reason (a recorded act)' })
  async addItem(@CurrentUser() user: Principal, @Param('year', year) y: number, @Body() raw: unknown) {
    const body = validateBody<{ itemKey: string } & Record<keyof typeof ITEM, string>>(raw, {
      itemKey: { type: 'string', max: 64 },
      ...ITEM,
    });
    return this.putItem(user, y, body.itemKey, body, false);
  }

  @Patch(':year/items/:itemKey')
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Change an item of the draft version, with the reason (a recorded act)' })
  async changeItem(
    @CurrentUser() user: Principal,
    @Param('year', year) y: number,
    @Param('itemKey') itemKey: string,
    @Body() raw: unknown,
  ) {
    const body = validateBody<Record<keyof typeof ITEM, string>>(raw, ITEM);
    return this.putItem(user, y, itemKey, body, true);
  }

  @Post(':year/party-consent')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer, Role.Leader)
  @ApiOperation({ summary: 'Record the same-level Party committee’s consent to the draft version (Art 3 §3)' })
  async consent(@CurrentUser() user: Principal, @Param('year', year) y: number, @Body() raw: unknown) {
    const body = validateBody<{ consentBy: string; reference: string; consentAt?: string }>(raw, {
      consentBy: { type: 'string', max: 200 },
      reference: { type: 'string', max: 200 },
      consentAt: { type: 'string', max: 40, optional: true },
    });
    const at = body.consentAt ? new Date(body.consentAt) : new Date();
    if (Number.isNaN(at.getTime())) throw new DomainError(ErrorCode.ValidationFailed, 'consentAt must be an ISO date.');
    return catalogDto(await this.service.catalog.recordConsent(y, body.consentBy, body.reference, at, user.userId));
  }

  @Post(':year/publish')
  @HttpCode(200)
  @Roles(Role.LegalAffairsOfficer)
  @ApiOperation({ summary: 'Publish the draft version; refused without the recorded Party-committee consent' })
  async publish(@CurrentUser() user: Principal, @Param('year', year) y: number, @Body() raw: unknown) {
    const body = validateBody<{ reason: string }>(raw, { reason: { type: 'string', max: 4000 } });
    return catalogDto(await this.service.catalog.publish(y, user.userId, body.reason));
  }

  @Get(':year/progress')
  @Roles(Role.LegalAffairsOfficer, Role.Leader)
  @ApiOperation({ summary: 'For each published item: its stage, the steps done and the steps overdue' })
  progress(@Param('year', year) y: number) {
    return this.service.progress(y);
  }

  private async putItem(
    user: Principal,
    y: number,
    itemKey: string,
    body: Record<keyof typeof ITEM, string>,
    change: boolean,
  ) {
    const refusal = scopeRefusal(body.kind as MatterKind);
    if (refusal) throw new DomainError(ErrorCode.RuleViolation, refusal);
    const view = await this.service.catalog.putItem(
      y,
      {
        itemKey,
        title: body.title,
        kind: body.kind,
        description: body.description,
        undertakingUnitId: body.undertakingUnitId ?? null,
      },
      change,
      body.reason,
      user.userId,
    );
    return catalogDto(view);
  }
}

/** The published catalog, for everyone: each matter and the stage its procedure is in. */
@ApiTags('decision catalog')
@Controller('public/catalog')
export class PublicCatalogController {
  constructor(private readonly service: CatalogService) {}

  @Get(':year')
  @Public()
  @ApiOperation({ summary: 'The published decision catalog of the year with each item’s current stage' })
  catalog(@Param('year', year) y: number) {
    return this.service.publicCatalog(y);
  }
}
