/**
 * One Jest run, seven tiers. Each tier sets up only what it needs (`test/setup/<tier>.setup.ts`), once per run however
 * many tiers ask for the same thing: the unit and lint tiers nothing; the workflow tier a Temporal dev server and the
 * workflow bundle; the replay tier the bundle; the integration tier a fresh PostgreSQL database; the e2e and browser
 * tiers all of these, the compiled apps and one API and worker per environment shared by their files (the browser
 * tier also the built web app). One teardown stops whatever was started.
 */
// TypeScript is compiled file by file with SWC (`@swc/jest`), as tsconfig.json says: legacy decorators with their
// metadata (Nest, TypeORM, class-validator), ES2022 class fields, CommonJS with ES-module interop. Types are checked by
// `tsc` in `npm test`'s checks, not here; tsconfig.json's `isolatedModules` makes `tsc` refuse what a file-by-file
// compiler cannot do alone (const enums across files, type re-exports without `export type`). ts-jest did the same
// with the TypeScript compiler (`transpileModule`), at several times the CPU.
const swc = {
  swcrc: false,
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    keepClassNames: true,
  },
};
const transform = { '^.+\\.ts$': ['@swc/jest', swc] };
// `@lawgate/<lib>` is each library's entry point, as tsconfig.json's `paths` say (docs/libraries.md): in the test
// files through Jest's module map, and in the tiers' global set-up and teardown, which Jest loads in its own process
// outside that map, through tsconfig-paths.
const { jestModuleNameMapper, libAliases } = require('./scripts/lib/lib-aliases.cjs');
const moduleNameMapper = jestModuleNameMapper();
require('tsconfig-paths').register({
  baseUrl: __dirname,
  paths: Object.fromEntries(Object.entries(libAliases()).map(([name, file]) => [name, [file]])),
  addMatchAll: false,
});
const common = {
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  rootDir: __dirname,
};
const setUp = (tier) => ({
  globalSetup: `<rootDir>/test/setup/${tier}.setup.ts`,
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
});
// The tiers that write the run's database run one file at a time, beside the others (see the file).
const oneFileAtATime = { setupFilesAfterEnv: ['<rootDir>/test/setup/one-file-at-a-time.ts'] };

module.exports = {
  testTimeout: 60000,
  // Two test files at a time: one of the database tiers (one file at a time) beside the unit, lint, workflow and
  // replay files, which touch no shared data.
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{apps,libs,activities,workflows,scripts}/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/lint-[^/]*\\.spec\\.ts$'],
    },
    // The lint rules' own tests run ESLint with type information over the project: tens of seconds, nothing started.
    { ...common, displayName: 'lint', testMatch: ['<rootDir>/test/unit/lint-*.spec.ts'] },
    {
      ...common,
      ...setUp('workflow'),
      displayName: 'workflow',
      testMatch: ['<rootDir>/test/workflow/**/*.workflow-spec.ts'],
      setupFiles: ['<rootDir>/test/setup/quiet-sdk.ts'],
    },
    {
      ...common,
      ...setUp('replay'),
      displayName: 'replay',
      testMatch: ['<rootDir>/test/replay/**/*.replay-spec.ts'],
      setupFiles: ['<rootDir>/test/setup/quiet-sdk.ts'],
    },
    {
      ...common,
      ...setUp('integration'),
      ...oneFileAtATime,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
    },
    {
      ...common,
      ...setUp('e2e'),
      ...oneFileAtATime,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
    {
      ...common,
      ...setUp('browser'),
      setupFilesAfterEnv: [...oneFileAtATime.setupFilesAfterEnv, '<rootDir>/test/setup/browser-timeout.ts'],
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
  ],
};
