import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode, cite } from '@lawgate/domain';
import {
  DecisionCatalogActEntity,
  DecisionCatalogEntity,
  DecisionCatalogItemEntity,
  DecisionCatalogVersionEntity,
  type CatalogActKind,
} from '../entities/decision-catalog.entity';

const ART_3 = cite('D713/3.3');

export interface CatalogItemInput {
  itemKey: string;
  title: string;
  kind: string;
  description: string;
  undertakingUnitId: string | null;
}

export interface CatalogVersionView {
  version: DecisionCatalogVersionEntity;
  items: DecisionCatalogItemEntity[];
  acts: DecisionCatalogActEntity[];
}

/**
 * The decision catalog (决策事项目录, gate G-A2). Every change is a recorded act in the same transaction as the change;
 * items change only in a draft version; a version is published only with the recorded consent of the same-level
 * Party committee, and publishing supersedes (never deletes) the previous version.
 */
@Injectable()
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens a draft version of the year's catalog, copying the items of the version published last. */
  async createDraft(year: number, title: string, actorId: string, reason: string): Promise<CatalogVersionView> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lawgate.catalog.${year}`]);
      let catalog = await m.getRepository(DecisionCatalogEntity).findOne({ where: { year } });
      catalog ??= await m.getRepository(DecisionCatalogEntity).save({ year, title });
      const versions = await m
        .getRepository(DecisionCatalogVersionEntity)
        .find({ where: { catalogId: catalog.id }, order: { version: 'DESC' } });
      if (versions.some((v) => v.status === 'DRAFT')) {
        throw new DomainError(ErrorCode.WrongStage, `The ${year} catalog already has a draft version; edit that one.`);
      }
      const version = await m.getRepository(DecisionCatalogVersionEntity).save({
        catalogId: catalog.id,
        version: (versions[0]?.version ?? 0) + 1,
        status: 'DRAFT',
        partyConsentBy: null,
        partyConsentReference: null,
        partyConsentMeeting: null,
        partyConsentAt: null,
        partyConsentRecordedBy: null,
        publishedAt: null,
        publishedBy: null,
        createdBy: actorId,
      });
      const published = versions.find((v) => v.status === 'PUBLISHED');
      if (published) {
        const items = await m.getRepository(DecisionCatalogItemEntity).find({ where: { versionId: published.id } });
        await m
          .getRepository(DecisionCatalogItemEntity)
          .save(items.map(({ id: _id, ...item }) => ({ ...item, versionId: version.id })));
      }
      await this.act(m, version.id, 'CREATE_VERSION', null, reason, actorId, { basedOn: published?.version ?? null });
      return this.view(m, version);
    });
  }

  /** Adds or changes an item of the draft version, with the reason recorded. */
  async putItem(
    year: number,
    item: CatalogItemInput,
    change: boolean,
    reason: string,
    actorId: string,
  ): Promise<CatalogVersionView> {
    return this.dataSource.transaction(async (m) => {
      const draft = await this.draft(m, year);
      const repo = m.getRepository(DecisionCatalogItemEntity);
      const existing = await repo.findOne({ where: { versionId: draft.id, itemKey: item.itemKey } });
      if (change && !existing) {
        throw new DomainError(ErrorCode.NotFound, `The draft ${year} catalog has no item ${item.itemKey}.`);
      }
      if (!change && existing) {
        throw new DomainError(ErrorCode.WrongStage, `The draft ${year} catalog already has an item ${item.itemKey}.`);
      }
      const before = existing ? { ...existing } : null;
      await repo.save({ ...(existing ?? { procedureId: null }), ...item, versionId: draft.id });
      await this.act(m, draft.id, change ? 'CHANGE_ITEM' : 'ADD_ITEM', item.itemKey, reason, actorId, {
        before,
        after: item,
      });
      if (draft.partyConsentAt) await this.voidConsent(m, draft, item.itemKey, actorId);
      return this.view(m, draft);
    });
  }

  /**
   * Records the same-level Party committee's consent to the draft version as it stands (G-A2): the committee, the
   * meeting at which it consented and its document. A later change of an item voids it.
   */
  async recordConsent(consent: {
    year: number;
    consentBy: string;
    meeting: string;
    reference: string;
    consentAt: Date;
    actorId: string;
  }): Promise<CatalogVersionView> {
    const { year, consentBy, meeting, reference, consentAt, actorId } = consent;
    return this.dataSource.transaction(async (m) => {
      const draft = await this.draft(m, year);
      Object.assign(draft, {
        partyConsentBy: consentBy,
        partyConsentMeeting: meeting,
        partyConsentReference: reference,
        partyConsentAt: consentAt,
        partyConsentRecordedBy: actorId,
      });
      await m.getRepository(DecisionCatalogVersionEntity).save(draft);
      await this.act(m, draft.id, 'PARTY_CONSENT', null, `${consentBy}${meeting}同意（${reference}）`, actorId, {
        meeting,
        reference,
      });
      return this.view(m, draft);
    });
  }

  /** An item changed after the consent: the consent covered the version as it was, so it no longer stands. */
  private async voidConsent(
    m: EntityManager,
    draft: DecisionCatalogVersionEntity,
    itemKey: string,
    actorId: string,
  ): Promise<void> {
    const voided = {
      by: draft.partyConsentBy,
      meeting: draft.partyConsentMeeting,
      reference: draft.partyConsentReference,
      at: draft.partyConsentAt?.toISOString() ?? null,
    };
    Object.assign(draft, {
      partyConsentBy: null,
      partyConsentMeeting: null,
      partyConsentReference: null,
      partyConsentAt: null,
      partyConsentRecordedBy: null,
    });
    await m.getRepository(DecisionCatalogVersionEntity).save(draft);
    await this.act(
      m,
      draft.id,
      'PARTY_CONSENT_VOIDED',
      itemKey,
      `事项 ${itemKey} 在党委同意（${voided.reference ?? '—'}）后变更，须重新报请同意（${ART_3}）`,
      actorId,
      { voided },
    );
  }

  /** Publishes the draft: refused without the Party committee's consent; the previous version is superseded. */
  async publish(year: number, actorId: string, reason: string): Promise<CatalogVersionView> {
    return this.dataSource.transaction(async (m) => {
      const draft = await this.draft(m, year);
      if (!draft.partyConsentAt) {
        const voided = await m
          .getRepository(DecisionCatalogActEntity)
          .findOne({ where: { versionId: draft.id, act: 'PARTY_CONSENT_VOIDED' }, order: { recordedAt: 'DESC' } });
        throw new DomainError(
          ErrorCode.RuleViolation,
          voided
            ? `The Party committee's consent was void when item ${voided.itemKey} changed after it; the catalog is ` +
                `published only as the committee agreed to it: record its consent again (G-A2, ${ART_3}).`
            : `The catalog is published only after the same-level Party committee agrees; record its consent first (G-A2, ${ART_3}).`,
        );
      }
      const items = await m.getRepository(DecisionCatalogItemEntity).count({ where: { versionId: draft.id } });
      if (items === 0) throw new DomainError(ErrorCode.RuleViolation, 'An empty catalog cannot be published.');
      await m
        .getRepository(DecisionCatalogVersionEntity)
        .update({ catalogId: draft.catalogId, status: 'PUBLISHED' }, { status: 'SUPERSEDED' });
      Object.assign(draft, { status: 'PUBLISHED', publishedAt: new Date(), publishedBy: actorId });
      await m.getRepository(DecisionCatalogVersionEntity).save(draft);
      await this.act(m, draft.id, 'PUBLISH', null, reason, actorId, {});
      return this.view(m, draft);
    });
  }

  /** Every version of the year, newest first, with its items and acts. */
  async versions(year: number): Promise<CatalogVersionView[]> {
    const m = this.dataSource.manager;
    const catalog = await m.getRepository(DecisionCatalogEntity).findOne({ where: { year } });
    if (!catalog) return [];
    const versions = await m
      .getRepository(DecisionCatalogVersionEntity)
      .find({ where: { catalogId: catalog.id }, order: { version: 'DESC' } });
    const views: CatalogVersionView[] = [];
    for (const v of versions) views.push(await this.view(m, v));
    return views;
  }

  async published(year: number): Promise<CatalogVersionView | null> {
    return (await this.versions(year)).find((v) => v.version.status === 'PUBLISHED') ?? null;
  }

  /** An item of the published catalog, which a major decision may be started for. */
  async publishedItem(year: number, itemKey: string): Promise<DecisionCatalogItemEntity | null> {
    return (await this.published(year))?.items.find((i) => i.itemKey === itemKey) ?? null;
  }

  /** Links the procedure run for an item (in every version that lists it). */
  async linkProcedure(year: number, itemKey: string, procedureId: string): Promise<void> {
    const versions = await this.versions(year);
    await this.dataSource
      .getRepository(DecisionCatalogItemEntity)
      .createQueryBuilder()
      .update()
      .set({ procedureId })
      .where('item_key = :itemKey AND version_id IN (:...ids)', { itemKey, ids: versions.map((v) => v.version.id) })
      .execute();
  }

  private async draft(m: EntityManager, year: number): Promise<DecisionCatalogVersionEntity> {
    const catalog = await m.getRepository(DecisionCatalogEntity).findOne({ where: { year } });
    const draft = catalog
      ? await m
          .getRepository(DecisionCatalogVersionEntity)
          .findOne({ where: { catalogId: catalog.id, status: 'DRAFT' }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!draft) {
      throw new DomainError(
        ErrorCode.WrongStage,
        `The ${year} catalog has no draft version: items change only through a new draft version (recorded act).`,
      );
    }
    return draft;
  }

  private async act(
    m: EntityManager,
    versionId: string,
    act: CatalogActKind,
    itemKey: string | null,
    reason: string,
    actorId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await m.getRepository(DecisionCatalogActEntity).save({ versionId, act, itemKey, reason, actorId, details });
  }

  private async view(m: EntityManager, version: DecisionCatalogVersionEntity): Promise<CatalogVersionView> {
    const items = await m
      .getRepository(DecisionCatalogItemEntity)
      .find({ where: { versionId: version.id }, order: { itemKey: 'ASC' } });
    const acts = await m
      .getRepository(DecisionCatalogActEntity)
      .find({ where: { versionId: version.id }, order: { recordedAt: 'ASC' } });
    return { version, items, acts };
  }
}
