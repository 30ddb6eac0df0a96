/**
 * The libraries' path aliases, `@lawgate/<lib>` → `libs/<lib>/src/index.ts`, read from tsconfig.json's `paths` (the one
 * place they are declared) for the tools that do not read it: Jest, the Temporal workflow bundler (webpack) and Vite.
 * Compiled code needs none of this: `npm run build` rewrites the aliases in dist/ to relative paths (tsc-alias), and
 * ts-node scripts resolve them through tsconfig-paths (tsconfig.json's "ts-node" section). See docs/libraries.md.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** `{ '@lawgate/domain': '/…/libs/domain/src/index.ts', … }` */
function libAliases(root = ROOT) {
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  const aliases = {};
  for (const [name, [target]] of Object.entries(compilerOptions.paths ?? {})) {
    if (name.startsWith('@lawgate/')) aliases[name] = path.join(root, target);
  }
  return aliases;
}

/** Jest's moduleNameMapper: each alias, matched exactly. */
function jestModuleNameMapper(root = ROOT) {
  const mapper = {};
  for (const [name, file] of Object.entries(libAliases(root))) mapper[`^${name.replace('/', '\\/')}$`] = file;
  return mapper;
}

/** A `webpackConfigHook` for `bundleWorkflowCode` and `Worker.create({ workflowsPath })`: the aliases, matched exactly. */
function withLibAliases(config) {
  const exact = Object.fromEntries(Object.entries(libAliases()).map(([name, file]) => [`${name}$`, file]));
  return { ...config, resolve: { ...config.resolve, alias: { ...(config.resolve?.alias ?? {}), ...exact } } };
}

module.exports = { libAliases, jestModuleNameMapper, withLibAliases };
