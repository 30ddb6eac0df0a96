import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarSnapshot } from '@lawgate/domain';
import { CalendarDayEntity, CalendarVersionEntity, CalendarYearEntity } from '../entities';

export interface CalendarDayInput {
  date: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name: string;
}

export interface CalendarYearData {
  year: number;
  days: CalendarDayInput[];
  noticeUrl?: string | null;
}

/** Serialises calendar changes so that versions are assigned in order. */
const CALENDAR_LOCK = 'lawgate.calendar';

/**
 * The working-day calendar in PostgreSQL: holidays and adjusted working days per loaded year, with every change kept
 * as a version (who, why, what). Deadlines record the version they were computed with.
 */
@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The last snapshot read, reused while no newer calendar version exists. */
  private cached?: CalendarSnapshot;

  /**
   * The whole calendar as the pure counting functions use it, or null when no year is loaded. Every change to the
   * calendar is a new version written in the same transaction, so a snapshot is reused until the version moves: a
   * deadline costs one small query instead of reading every loaded day (a clean-up campaign opens thousands of tasks).
   */
  async snapshot(): Promise<CalendarSnapshot | null> {
    const [{ version }] = await this.dataSource.query<{ version: number }[]>(
      'SELECT coalesce(max(version), 0)::int AS version FROM calendar_version',
    );
    if (this.cached && version > 0 && this.cached.version === version) return this.cached;
    const years = await this.dataSource.getRepository(CalendarYearEntity).find({ order: { year: 'ASC' } });
    if (years.length === 0) return null;
    const days = await this.dataSource.getRepository(CalendarDayEntity).find();
    const snapshot: CalendarSnapshot = {
      years: new Set(years.map((y) => y.year)),
      // The version read before the days: a change committed in between is picked up on the next call.
      version,
      holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
      adjustedWorkdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
    };
    this.cached = snapshot;
    return snapshot;
  }

  loadedYears(): Promise<CalendarYearEntity[]> {
    return this.dataSource.getRepository(CalendarYearEntity).find({ order: { year: 'ASC' } });
  }

  days(year: number): Promise<CalendarDayEntity[]> {
    return this.dataSource
      .getRepository(CalendarDayEntity)
      .createQueryBuilder('d')
      .where("to_char(d.date, 'YYYY') = :year", { year: String(year) })
      .orderBy('d.date', 'ASC')
      .getMany();
  }

  history(limit = 50): Promise<CalendarVersionEntity[]> {
    return this.dataSource.getRepository(CalendarVersionEntity).find({ order: { version: 'DESC' }, take: limit });
  }

  /**
   * Loads years from a data package, skipping years already present (an administrator's edits are never
   * overwritten). Returns the years added; all of them form one new version.
   */
  async loadYearsIfAbsent(data: CalendarYearData[], source: string): Promise<number[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CALENDAR_LOCK]);
      const present = new Set((await manager.getRepository(CalendarYearEntity).find()).map((y) => y.year));
      const missing = data.filter((y) => !present.has(y.year));
      if (missing.length === 0) return [];
      const version = await this.newVersion(manager, null, `loaded from ${source}`, {
        years: missing.map((y) => y.year),
      });
      for (const year of missing) await this.writeYear(manager, year, source, version);
      return missing.map((y) => y.year);
    });
  }

  /**
   * An administrator loads (or replaces) a year from the State Council's notice. `alsoInTransaction` writes the
   * operator's audit entry in the same transaction, so the change and its evidence land together or not at all.
   */
  async putYear(
    data: CalendarYearData,
    actorId: string,
    reason: string,
    alsoInTransaction?: (manager: EntityManager, version: number) => Promise<void>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CALENDAR_LOCK]);
      const version = await this.newVersion(manager, actorId, reason, {
        year: data.year,
        noticeUrl: data.noticeUrl ?? null,
        days: data.days,
      });
      await manager
        .createQueryBuilder()
        .delete()
        .from(CalendarDayEntity)
        .where("to_char(date, 'YYYY') = :year", { year: String(data.year) })
        .execute();
      await manager.delete(CalendarYearEntity, { year: data.year });
      await this.writeYear(manager, data, 'administrator', version);
      await alsoInTransaction?.(manager, version);
      return version;
    });
  }

  private async writeYear(manager: EntityManager, data: CalendarYearData, source: string, version: number) {
    for (const day of data.days) {
      if (Number(day.date.slice(0, 4)) !== data.year) {
        throw new RangeError(`${day.date} does not belong to ${data.year}`);
      }
    }
    if (data.days.length > 0) {
      await manager.insert(
        CalendarDayEntity,
        data.days.map((d) => ({ ...d, source, version })),
      );
    }
    await manager.insert(CalendarYearEntity, { year: data.year, source, noticeUrl: data.noticeUrl ?? null, version });
  }

  private async newVersion(
    manager: EntityManager,
    actorId: string | null,
    reason: string,
    change: Record<string, unknown>,
  ): Promise<number> {
    const saved = await manager.getRepository(CalendarVersionEntity).save({ actorId, reason, change });
    return saved.version;
  }
}
