import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/config/src/config';
import { buildDataSourceOptions } from '../libs/persistence/src/data-source.options';
import { seedDemoOrganisation } from '../libs/persistence/src/seed/demo-organisation';

/** Runs pending migrations and, with `--seed`, seeds the demo organisation. Used by `npm start` and deployments. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'migrate');
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), logging: ['error'] });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(JSON.stringify({ migrationsApplied: applied.map((m) => m.name) }));
    if (process.argv.includes('--seed')) {
      console.log(JSON.stringify({ seed: await seedDemoOrganisation(dataSource) }));
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
