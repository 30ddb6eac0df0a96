import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import type { RegisterStatus } from '@lawgate/domain';
import {
  FilingEntity,
  FilingEventEntity,
  IssuerSeriesEntity,
  PublicationEntity,
  RegisterEntryEntity,
  VoidedNumberEntity,
} from '../entities';
import { NumberingBatcher, type NumberedEntry } from './register-numbering';

export interface NewRegisterEntry {
  procedureId: string;
  workflowId: string;
  issuerSeriesId: string;
  year: number;
  seq: number;
  number: string;
  title: string;
  documentSha256: string;
  registeredAt: Date;
  registeredBy: string | null;
  validUntil: string;
  idempotencyKey: string;
}

/** Filters of the register listings (public and administrative). */
export interface RegisterQuery {
  /** Part of the title, or words of the text. */
  q?: string;
  /** `q` segmented into words (see libs/search), matched against the registered texts. */
  words?: string;
  /** The printed number, or part of it. */
  number?: string;
  /** Issuer org unit code (e.g. `JT-EDU`). */
  issuer?: string;
  statuses: RegisterStatus[];
  /** Registered on or after this CST date (YYYY-MM-DD). */
  from?: string;
  /** Registered on or before this CST date (YYYY-MM-DD). */
  to?: string;
  /** Keyset cursor: entries registered before this one (newest first). */
  before?: { registeredAt: Date; id: string };
  limit: number;
}

/** One register entry as the listings show it: with its issuer and its latest publication. */
export interface RegisterRow {
  entry: RegisterEntryEntity;
  series: IssuerSeriesEntity;
  issuerCode: string;
  issuerName: string;
  publication: PublicationEntity | null;
}

/** The register of numbers: issuer series, counters, entries, voided numbers, publications and filings. */
@Injectable()
export class RegisterRepository {
  private readonly numbering: NumberingBatcher;

  constructor(private readonly dataSource: DataSource) {
    this.numbering = new NumberingBatcher(dataSource);
  }

  findSeries(manager: EntityManager, issuerUnitId: string, series: string): Promise<IssuerSeriesEntity | null> {
    return manager.getRepository(IssuerSeriesEntity).findOne({ where: { issuerUnitId, series } });
  }

  listSeries(): Promise<IssuerSeriesEntity[]> {
    return this.dataSource
      .getRepository(IssuerSeriesEntity)
      .find({ relations: { issuerUnit: true }, order: { prefix: 'ASC' } });
  }

  /** Creates the series or changes its printed prefix and activity. */
  async upsertSeries(
    manager: EntityManager,
    s: { issuerUnitId: string; series: string; prefix: string; active: boolean },
  ): Promise<IssuerSeriesEntity> {
    await manager.query(
      `INSERT INTO issuer_series (issuer_unit_id, series, prefix, active) VALUES ($1, $2, $3, $4)
       ON CONFLICT (issuer_unit_id, series) DO UPDATE SET prefix = excluded.prefix, active = excluded.active,
         updated_at = now()`,
      [s.issuerUnitId, s.series, s.prefix, s.active],
    );
    return manager
      .getRepository(IssuerSeriesEntity)
      .findOneOrFail({ where: { issuerUnitId: s.issuerUnitId, series: s.series } });
  }

  /**
   * Gives the next number of a series and year and writes the register entry and its audit record, all in ONE
   * statement of its own (not in a caller's transaction): the counter row is locked only for that statement, so
   * concurrent registrations wait on each other for one round trip instead of a whole transaction, and those that
   * arrive while the counter is held are numbered together by the next statement (`NumberingBatcher`). Atomic like
   * a transaction: if the entry cannot be written (e.g. its idempotency key exists already), the increment is undone
   * with it, so numbers stay gap-free. Returns null when the series has no counter for the year yet
   * (`ensureCounter`, then call again).
   */
  registerWithNextNumber(
    e: Omit<NewRegisterEntry, 'seq' | 'number'> & { prefix: string },
    audit: { actorKind: 'USER' | 'SYSTEM'; dedupKey: string },
  ): Promise<NumberedEntry | null> {
    return this.numbering.take({ ...e, audit });
  }

  /** Makes sure the series has a counter row for the year (numbers then start at 1). */
  async ensureCounter(manager: EntityManager, issuerSeriesId: string, year: number): Promise<void> {
    await manager.query(
      'INSERT INTO number_counter (issuer_series_id, year, last_seq) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING',
      [issuerSeriesId, year],
    );
  }

  async lastSeq(issuerSeriesId: string, year: number): Promise<number> {
    const rows = await this.dataSource.query<{ last_seq: number }[]>(
      'SELECT last_seq FROM number_counter WHERE issuer_series_id = $1 AND year = $2',
      [issuerSeriesId, year],
    );
    return rows[0]?.last_seq ?? 0;
  }

  /**
   * What a registration needs to know before it takes a number, in one round trip: the entry already written under
   * its idempotency key (a retried registration), its issuer's series, and the media type of the registered text.
   */
  async registrationContext(q: {
    idempotencyKey: string;
    issuerUnitId: string;
    series: string;
    documentSha256: string;
  }): Promise<{
    existing: NumberedEntry | null;
    series: { id: string; prefix: string; active: boolean } | null;
    mediaType: string | null;
  }> {
    const [row] = await this.dataSource.query<
      {
        existing: (Omit<NumberedEntry, 'registeredAt'> & { registeredAt: string }) | null;
        series: { id: string; prefix: string; active: boolean } | null;
        media_type: string | null;
      }[]
    >(
      `SELECT
         (SELECT json_build_object('id', id, 'number', number, 'seq', seq, 'year', year, 'registeredAt', registered_at,
            'validUntil', valid_until::text) FROM register_entry WHERE idempotency_key = $1) AS existing,
         (SELECT json_build_object('id', id, 'prefix', prefix, 'active', active)
            FROM issuer_series WHERE issuer_unit_id = $2::uuid AND series = $3) AS series,
         (SELECT media_type FROM document_version WHERE sha256 = $4 LIMIT 1) AS media_type`,
      [q.idempotencyKey, q.issuerUnitId, q.series, q.documentSha256],
    );
    return {
      existing: row.existing ? { ...row.existing, registeredAt: new Date(row.existing.registeredAt) } : null,
      series: row.series,
      mediaType: row.media_type,
    };
  }

  findEntryByKey(manager: EntityManager, idempotencyKey: string): Promise<RegisterEntryEntity | null> {
    return manager.getRepository(RegisterEntryEntity).findOne({ where: { idempotencyKey } });
  }

  /** The entry, locked for the rest of the transaction (status changes are one at a time). */
  lockEntry(manager: EntityManager, id: string): Promise<RegisterEntryEntity | null> {
    return manager
      .getRepository(RegisterEntryEntity)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id })
      .getOne();
  }

  async saveEntry(manager: EntityManager, entry: RegisterEntryEntity): Promise<void> {
    await manager.getRepository(RegisterEntryEntity).save(entry);
  }

  findVoided(manager: EntityManager, registerEntryId: string): Promise<VoidedNumberEntity | null> {
    return manager.getRepository(VoidedNumberEntity).findOne({ where: { registerEntryId } });
  }

  async insertVoided(
    manager: EntityManager,
    v: Pick<VoidedNumberEntity, 'registerEntryId' | 'number' | 'reason' | 'actorId' | 'voidedAt' | 'idempotencyKey'>,
  ): Promise<void> {
    await manager.getRepository(VoidedNumberEntity).insert(v);
  }

  findPublicationByKey(manager: EntityManager, idempotencyKey: string): Promise<PublicationEntity | null> {
    return manager.getRepository(PublicationEntity).findOne({ where: { idempotencyKey } });
  }

  insertPublication(
    manager: EntityManager,
    p: Pick<
      PublicationEntity,
      'registerEntryId' | 'channel' | 'reference' | 'publishedAt' | 'textSha256' | 'recordedBy' | 'idempotencyKey'
    >,
  ): Promise<PublicationEntity> {
    const publications = manager.getRepository(PublicationEntity);
    return publications.save(publications.create(p));
  }

  findFilingByKey(manager: EntityManager, idempotencyKey: string): Promise<FilingEntity | null> {
    return manager.getRepository(FilingEntity).findOne({ where: { idempotencyKey } });
  }

  insertFiling(
    manager: EntityManager,
    f: Pick<FilingEntity, 'registerEntryId' | 'recipient' | 'dueAt' | 'package' | 'idempotencyKey'>,
  ): Promise<FilingEntity> {
    const filings = manager.getRepository(FilingEntity);
    return filings.save(filings.create({ ...f, status: 'PENDING', acceptedAt: null }));
  }

  lockFiling(manager: EntityManager, id: string): Promise<FilingEntity | null> {
    return manager
      .getRepository(FilingEntity)
      .createQueryBuilder('f')
      .setLock('pessimistic_write')
      .where('f.id = :id', { id })
      .getOne();
  }

  async saveFiling(manager: EntityManager, filing: FilingEntity): Promise<void> {
    await manager.getRepository(FilingEntity).save(filing);
  }

  findFilingEventByKey(manager: EntityManager, idempotencyKey: string): Promise<FilingEventEntity | null> {
    return manager.getRepository(FilingEventEntity).findOne({ where: { idempotencyKey } });
  }

  async insertFilingEvent(
    manager: EntityManager,
    e: Pick<FilingEventEntity, 'filingId' | 'event' | 'note' | 'actorId' | 'at' | 'idempotencyKey'>,
  ): Promise<void> {
    await manager.getRepository(FilingEventEntity).insert(e);
  }

  filingEvents(filingId: string): Promise<FilingEventEntity[]> {
    return this.dataSource.getRepository(FilingEventEntity).find({ where: { filingId }, order: { at: 'ASC' } });
  }

  /** In-force entries in id order after `afterId`: stable keyset paging for clean-up campaigns over thousands. */
  inForcePage(afterId: string | null, limit: number): Promise<RegisterEntryEntity[]> {
    const qb = this.dataSource
      .getRepository(RegisterEntryEntity)
      .createQueryBuilder('e')
      .where("e.status = 'IN_FORCE'")
      .orderBy('e.id', 'ASC')
      .limit(limit);
    if (afterId) qb.andWhere('e.id > :afterId', { afterId });
    return qb.getMany();
  }

  /** Register entries, newest registration first, with issuer and latest publication. */
  async search(query: RegisterQuery): Promise<RegisterRow[]> {
    const qb = this.dataSource
      .getRepository(RegisterEntryEntity)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.issuerSeries', 's')
      .innerJoinAndSelect('s.issuerUnit', 'u')
      .where('e.status IN (:...statuses)', { statuses: query.statuses })
      .orderBy('e.registered_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(query.limit);
    if (query.q) {
      // The title, or the words of the registered text (segmented as the text was: see document_text).
      qb.andWhere(
        new Brackets((w) => {
          w.where("e.title ILIKE '%' || :q || '%'", { q: escapeLike(query.q!) });
          if (query.words) {
            w.orWhere(
              `EXISTS (SELECT 1 FROM document_text t WHERE t.sha256 = e.document_sha256
                 AND t.words @@ plainto_tsquery('simple', :words))`,
              { words: query.words },
            );
          }
        }),
      );
    }
    if (query.number) qb.andWhere("e.number LIKE '%' || :number || '%'", { number: escapeLike(query.number) });
    if (query.issuer) qb.andWhere('u.code = :issuer', { issuer: query.issuer });
    // Dates are China Standard Time calendar days.
    if (query.from) {
      qb.andWhere("e.registered_at >= (:from::date)::timestamp AT TIME ZONE 'Asia/Shanghai'", {
        from: query.from,
      });
    }
    if (query.to) {
      qb.andWhere("e.registered_at < (:to::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'", { to: query.to });
    }
    if (query.before) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('e.registered_at < :beforeAt', { beforeAt: query.before!.registeredAt })
            .orWhere('(e.registered_at = :beforeAt AND e.id < :beforeId)', { beforeId: query.before!.id }),
        ),
      );
    }
    return this.withPublications(await qb.getMany());
  }

  async findRow(id: string): Promise<RegisterRow | null> {
    const entry = await this.dataSource
      .getRepository(RegisterEntryEntity)
      .findOne({ where: { id }, relations: { issuerSeries: { issuerUnit: true } } });
    return entry ? (await this.withPublications([entry]))[0] : null;
  }

  /** The newest publications of in-force documents (feeds). */
  async latestPublications(limit: number): Promise<{ publication: PublicationEntity; row: RegisterRow }[]> {
    const publications = await this.dataSource
      .getRepository(PublicationEntity)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.registerEntry', 'e')
      .innerJoinAndSelect('e.issuerSeries', 's')
      .innerJoinAndSelect('s.issuerUnit', 'u')
      .where("e.status = 'IN_FORCE'")
      .orderBy('p.published_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit)
      .getMany();
    return publications.map((publication) => ({ publication, row: rowOf(publication.registerEntry!, publication) }));
  }

  /** In-force documents whose validity ends on or before `until` (CST date), soonest first (feeds). */
  async expiring(until: string, limit: number): Promise<RegisterRow[]> {
    const entries = await this.dataSource
      .getRepository(RegisterEntryEntity)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.issuerSeries', 's')
      .innerJoinAndSelect('s.issuerUnit', 'u')
      .where("e.status = 'IN_FORCE'")
      .andWhere('e.valid_until <= :until', { until })
      .orderBy('e.valid_until', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(limit)
      .getMany();
    return this.withPublications(entries);
  }

  /** The media type the bytes were uploaded with, when they are a document version (else unknown). */
  async mediaTypeOf(sha256: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ media_type: string }[]>(
      'SELECT media_type FROM document_version WHERE sha256 = $1 ORDER BY uploaded_at LIMIT 1',
      [sha256],
    );
    return rows[0]?.media_type ?? null;
  }

  voidedOf(registerEntryIds: string[]): Promise<VoidedNumberEntity[]> {
    if (registerEntryIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(VoidedNumberEntity)
      .createQueryBuilder('v')
      .where('v.register_entry_id IN (:...ids)', { ids: registerEntryIds })
      .getMany();
  }

  findSeriesByPrefix(manager: EntityManager, prefix: string): Promise<IssuerSeriesEntity | null> {
    return manager.getRepository(IssuerSeriesEntity).findOne({ where: { prefix } });
  }

  private async withPublications(entries: RegisterEntryEntity[]): Promise<RegisterRow[]> {
    if (entries.length === 0) return [];
    const publications = await this.dataSource
      .getRepository(PublicationEntity)
      .createQueryBuilder('p')
      .distinctOn(['p.register_entry_id'])
      .where('p.register_entry_id IN (:...ids)', { ids: entries.map((e) => e.id) })
      .orderBy('p.register_entry_id')
      .addOrderBy('p.published_at', 'DESC')
      .getMany();
    const byEntry = new Map(publications.map((p) => [p.registerEntryId, p]));
    return entries.map((e) => rowOf(e, byEntry.get(e.id) ?? null));
  }
}

function rowOf(entry: RegisterEntryEntity, publication: PublicationEntity | null): RegisterRow {
  const series = entry.issuerSeries!;
  return {
    entry,
    series,
    issuerCode: series.issuerUnit?.code ?? '',
    issuerName: series.issuerUnit?.name ?? '',
    publication,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
