import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/config/src/config';
import { buildDataSourceOptions } from '../libs/persistence/src/data-source.options';
import { LedgerRepository } from '../libs/persistence/src/ledger/ledger.repository';

/**
 * `npm run ledger:verify`: walks the whole sign-off ledger in order, recomputing each entry's hash and its link to
 * the previous one. Prints the result as JSON; exits 1 and names the first broken entry if the chain does not hold.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'migrate');
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), logging: ['error'] });
  await dataSource.initialize();
  try {
    const result = await new LedgerRepository(dataSource).verify();
    console.log(JSON.stringify(result));
    if (!result.ok) {
      console.error(`Ledger entry ${result.firstBroken?.seq} is broken: ${result.firstBroken?.reason}.`);
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
