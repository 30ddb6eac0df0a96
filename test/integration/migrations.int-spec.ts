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
      const entityTables = dataSource.entityMetadatas.map((m) => m.tableName).sort();
      expect(entityTables).toContain('ledger_entry');
      expect(await tables()).toEqual(entityTables);
      while ((await dataSource.query<unknown[]>('SELECT 1 FROM typeorm_migrations')).length > 0) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      expect(await tables()).toEqual([]);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await tables()).toEqual(entityTables);
    });
  });
});
