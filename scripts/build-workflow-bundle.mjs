// Prebuilds the workflow bundle for production and tests: dist/workflow-bundle.js (WORKFLOW_BUNDLE_PATH).
// `build-workflow-bundle.mjs OUT WORKFLOWS` bundles another workflows file instead (a test workflow), without the
// production interceptors.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { bundleWorkflowCode } from '@temporalio/worker';

// `@lawgate/domain` and the other library aliases (tsconfig.json's `paths`), for webpack.
const { withLibAliases } = createRequire(import.meta.url)('./lib/lib-aliases.cjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'dist', 'workflow-bundle.js');
const testWorkflows = process.argv[3];
const started = Date.now();
const { code } = await bundleWorkflowCode({
  workflowsPath: testWorkflows ?? join(root, 'workflows', 'index.ts'),
  // Payload authentication: input not sealed with LawGate's keys has no effect (docs/trust-boundary.md).
  workflowInterceptorModules: testWorkflows ? [] : [join(root, 'workflows', 'interceptors.ts')],
  webpackConfigHook: withLibAliases,
  logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error },
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, code);
console.log(JSON.stringify({ workflowBundle: out, bytes: code.length, ms: Date.now() - started }));
