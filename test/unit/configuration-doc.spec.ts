import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARS } from '@lawgate/config';

/** docs/configuration.md lists every variable the configuration validates, so the page cannot fall behind the code. */
describe('docs/configuration.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'configuration.md'), 'utf8');

  it.each(Object.keys(CONFIG_VARS))('documents %s', (name) => {
    expect(doc).toContain(`| \`${name}\``);
  });
});
