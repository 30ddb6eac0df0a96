import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@lawgate/config';
import {
  buildDataSourceOptions,
  CalendarRepository,
  packagedCalendar,
  seedDemoOrganisation,
} from '@lawgate/persistence';

/**
 * Runs pending migrations, loads the packaged holiday calendar's missing years and, with `--seed`, seeds the demo
 * organisation. Used by `npm start` and deployments.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'migrate');
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), logging: ['error'] });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(JSON.stringify({ migrationsApplied: applied.map((m) => m.name) }));
    // Years of the packaged holiday calendar that are not loaded yet; years already loaded are left as they are.
    const calendar = packagedCalendar();
    const years = await new CalendarRepository(dataSource).loadYearsIfAbsent(calendar.years, calendar.source);
    console.log(JSON.stringify({ calendarYearsLoaded: years, source: calendar.source }));
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
