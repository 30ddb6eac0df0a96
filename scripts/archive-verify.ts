import { readFileSync } from 'node:fs';
import { verifyBundle } from '../libs/archive/src/bundle';

/**
 * `npm run archive:verify -- <bundle.tar>`: checks every file of a decision archive against its manifest, offline.
 * Prints the result as JSON; exits 1 and names the first file that fails.
 */
function main(): void {
  const path = process.argv[2];
  if (!path) {
    console.error('Usage: npm run archive:verify -- <bundle.tar>');
    process.exit(2);
  }
  const result = verifyBundle(readFileSync(path));
  console.log(JSON.stringify(result));
  if (!result.ok) {
    console.error(`${result.file}: ${result.reason}`);
    process.exitCode = 1;
  }
}

main();
