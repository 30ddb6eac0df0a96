import { readFileSync } from 'node:fs';
import { verifyArchive } from '@lawgate/archive';

/**
 * `npm run archive:verify -- <bundle.tar> [--public-key <key.pem>]`: checks a decision archive offline: the manifest's
 * signature, every file, the ledger chain inside it against its signed checkpoint, and each sign-off's document. The
 * trusted key is `--public-key` (LawGate publishes it at /api/public/ledger/key), else the public half of
 * `LAWGATE_SIGNING_KEY_FILE`. Prints the result as JSON; exits 1 naming the first check that fails.
 */
function main(): void {
  const args = process.argv.slice(2);
  const keyAt = args.indexOf('--public-key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : process.env.LAWGATE_SIGNING_KEY_FILE;
  const path = args.find((arg, i) => !arg.startsWith('--') && (keyAt < 0 || i !== keyAt + 1));
  if (!path || !keyFile) {
    console.error(
      'Usage: npm run archive:verify -- <bundle.tar> --public-key <key.pem>  (or set LAWGATE_SIGNING_KEY_FILE)',
    );
    process.exit(2);
  }
  const result = verifyArchive(readFileSync(path), readFileSync(keyFile, 'utf8'));
  console.log(JSON.stringify(result));
  if (!result.ok) {
    const failed = result.checks.find((c) => !c.ok);
    console.error(`${failed?.name}: ${failed?.detail}`);
    process.exitCode = 1;
  }
}

main();
