import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@lawgate/config';
import { buildDataSourceOptions, type SignedCheckpoint, EvidenceVerifier } from '@lawgate/persistence';

/**
 * `npm run ledger:verify [-- --checkpoint <file.json>] [--public-key <key.pem>]`: walks the sign-off ledger and the
 * audit trail link by link and checks both heads against the latest signed checkpoint in the database, or against a
 * checkpoint you kept (a `_checkpoint` item of the public feed `/api/public/feeds/ledger-checkpoints.json`). The key
 * trusted is `--public-key`, else the public half of `LAWGATE_SIGNING_KEY_FILE`. Prints the result as JSON; exits 1
 * naming truncation, rewriting, a broken entry or a bad signature.
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'migrate');
  const keyFile = option('public-key') ?? config.LAWGATE_SIGNING_KEY_FILE;
  const checkpointFile = option('checkpoint');
  const external = checkpointFile
    ? ((JSON.parse(readFileSync(checkpointFile, 'utf8')) as { _checkpoint?: SignedCheckpoint })._checkpoint ??
      (JSON.parse(readFileSync(checkpointFile, 'utf8')) as SignedCheckpoint))
    : undefined;
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), logging: ['error'] });
  await dataSource.initialize();
  try {
    const result = await new EvidenceVerifier(dataSource).verify(
      keyFile ? readFileSync(keyFile, 'utf8') : null,
      external,
    );
    console.log(JSON.stringify(result));
    if (!result.ok) {
      for (const problem of result.problems) console.error(problem);
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
