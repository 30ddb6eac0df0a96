import { Injectable } from '@nestjs/common';
import { yearParam } from '../../common/params';
import {
  DomainError,
  ErrorCode,
  MAJOR_DECISION_STAGE_BASIS,
  MajorDecisionStage,
  formatLegalBasis,
} from '@lawgate/domain';
import {
  LedgerRepository,
  CatalogRepository,
  type CatalogVersionView,
  ProcedureRepository,
  TaskRepository,
} from '@lawgate/persistence';

/** A catalog year in a path: four digits (see `yearParam`). */
export const year = yearParam();

export function catalogDto(view: CatalogVersionView) {
  const v = view.version;
  return {
    version: v.version,
    status: v.status,
    partyConsent: v.partyConsentAt
      ? {
          by: v.partyConsentBy,
          meeting: v.partyConsentMeeting,
          reference: v.partyConsentReference,
          at: v.partyConsentAt.toISOString(),
        }
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
