import { openTestDataSource } from '../support/test-env';
import { withScratchDatabase } from '../support/scratch-db';

describe('migrations', () => {
  it('should leave nothing for migration:generate to produce on the migrated schema', async () => {
    const dataSource = await openTestDataSource();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  it('should revert every migration down to an empty schema and apply them again', async () => {
    await withScratchDatabase(async (dataSource) => {
      const tables = async () =>
        (
          await dataSource.query<{ tablename: string }[]>(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1",
          )
        ).map((r) => r.tablename);
      expect(await tables()).toEqual([
        'adviser_conflict',
        'adviser_department',
        'adviser_profile',
        'app_user',
        'audit_entry',
        'calendar_day',
        'calendar_version',
        'calendar_year',
        'ledger_entry',
        'org_unit',
        'procedure',
        'routing_rules_version',
        'task',
      ]);
      while ((await dataSource.query<unknown[]>('SELECT 1 FROM typeorm_migrations')).length > 0) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      expect(await tables()).toEqual([]);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await tables()).toHaveLength(13);
    });
  });
});
