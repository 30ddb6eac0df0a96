import type { DataSource } from 'typeorm';
import type { AppConfig } from '@lawgate/config';
import { AuditRepository, FilingCatalogRepository } from '@lawgate/persistence';
import { FilingCatalogScheduler } from '../../apps/worker/src/filing-catalog.scheduler';
import { openTestDataSource } from '../support/test-env';

/**
 * The worker's catalog scheduler against PostgreSQL, at instants it is given: the last closed period first, nothing
 * twice, and the periods a stopped worker missed on its next tick. (The demonstration cadence: 10-second windows.)
 */
describe('the filed-documents catalog scheduler', () => {
  let db: DataSource;
  let scheduler: FilingCatalogScheduler;
  beforeAll(async () => {
    db = await openTestDataSource();
    scheduler = new FilingCatalogScheduler(
      { PROCEDURE_PERIODS: 'demo', FILING_CATALOG_SECONDS: 0 } as AppConfig,
      new FilingCatalogRepository(db, new AuditRepository(db)),
    );
    await db.query("DELETE FROM filing_catalog_edition WHERE cadence = 'SECONDS_10'");
  });
  // The editions of 2030 go too: left in the run's database, they would tell a later file's worker (the e2e cadence
  // test, in the same lane) that every period up to 2030 was published, and it would publish none.
  afterAll(async () => {
    await db.query("DELETE FROM filing_catalog_edition WHERE cadence = 'SECONDS_10'");
    await db.destroy();
  });

  it('should publish each closed period once, catching up on what a stopped worker missed', async () => {
    expect(await scheduler.publishDue(new Date('2030-01-01T00:00:45Z'))).toEqual(['S10-2030-01-01T00:00:30.000Z']);
    expect(await scheduler.publishDue(new Date('2030-01-01T00:00:49Z'))).toEqual([]);
    expect(await scheduler.publishDue(new Date('2030-01-01T00:01:15Z'))).toEqual([
      'S10-2030-01-01T00:00:40.000Z',
      'S10-2030-01-01T00:00:50.000Z',
      'S10-2030-01-01T00:01:00.000Z',
    ]);
    const rows = await db.query<{ period_key: string; label: string; n: number }[]>(
      `SELECT period_key, label, jsonb_array_length(entries) AS n FROM filing_catalog_edition
        WHERE cadence = 'SECONDS_10' ORDER BY period_start`,
    );
    expect(rows.map((r) => [r.period_key, r.n])).toEqual([
      ['S10-2030-01-01T00:00:30.000Z', 0],
      ['S10-2030-01-01T00:00:40.000Z', 0],
      ['S10-2030-01-01T00:00:50.000Z', 0],
      ['S10-2030-01-01T00:01:00.000Z', 0],
    ]);
  });
});
