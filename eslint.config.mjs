// Type-aware lint. workflows/ is deterministic sandboxed code: no Node built-ins, Nest, TypeORM or persistence.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import lawgate from './scripts/lint/lib-entry-points.mjs';

/** A string that is an SQL statement (upper-case keywords, as this code base writes them). */
const RAW_SQL = String.raw`/^\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s)/`;
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.data/**', 'coverage/**', 'apps/web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code runs in a deterministic sandbox: no Node built-ins.',
          })),
          patterns: [
            { group: ['@nestjs/*'], message: 'No Nest (or DI) inside workflows.' },
            { group: ['typeorm', 'typeorm/*', 'pg'], message: 'Workflows never touch the database; use an activity.' },
            {
              group: [
                '@lawgate/*',
                '!@lawgate/domain',
                '**/libs/persistence/**',
                '**/libs/temporal/**',
                '**/libs/config/**',
                '**/apps/**',
              ],
              message: 'Workflows import only libs/domain (@lawgate/domain) and activity types.',
            },
            { group: ['uuid'], message: 'Use uuid4() from @temporalio/workflow.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop.' },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/activities/*', '**/activities'],
              allowTypeImports: true,
              message: 'Import activities with `import type` only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/workflows/**', '**/workflows'],
              message: 'Apps start workflows by type name through libs/domain contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layering: controllers → services → repositories. A controller neither queries the database nor defines a service.
    files: ['apps/api/src/**/*.controller.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              message: 'Controllers call services; queries and transactions belong in a service or repository.',
            },
            {
              name: '@nestjs/typeorm',
              message: 'Controllers call services; queries belong in a service or repository.',
            },
          ],
          patterns: [
            {
              group: ['**/workflows/**', '**/workflows'],
              message: 'Apps start workflows by type name through libs/domain contracts.',
            },
            {
              group: ['**/persistence/src/entities', '**/persistence/src/entities/**'],
              allowTypeImports: true,
              message: 'Controllers use entities as types only; loading them is a repository’s job.',
            },
            {
              group: ['@lawgate/persistence', '**/libs/persistence/src', '**/libs/persistence/src/index'],
              importNamePattern: '^([A-Z]\\w*Entity|ENTITIES)$',
              allowTypeImports: true,
              message: 'Controllers use entities as types only; loading them is a repository’s job.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ClassDeclaration:has(Decorator[expression.callee.name='Injectable'])",
          message: 'A service lives in its own .service.ts file, not in a controller file.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(transaction|createQueryBuilder|getRepository|createQueryRunner)$/]',
          message: 'Controllers call services; queries and transactions belong in a service or repository.',
        },
        {
          selector: "MemberExpression[property.name='manager']",
          message: 'Controllers call services; an entity manager belongs in a service or repository.',
        },
        {
          selector: `:matches(Literal[value=${RAW_SQL}], TemplateElement[value.raw=${RAW_SQL}])`,
          message: 'No SQL in a controller: queries belong in a repository.',
        },
      ],
    },
  },
  {
    // No import cycles between modules (cycles make Nest providers and the web bundle load half-initialised).
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'activities/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // `@lawgate/<lib>` resolves through the tsconfig `paths`, so cycles through a library's entry point are seen too.
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'apps/web/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // A library is imported by its entry point, `@lawgate/<lib>`, never by a path into its files (docs/libraries.md).
    files: ['**/*.{ts,tsx,mts,cts}'],
    plugins: { lawgate },
    rules: { 'lawgate/lib-entry-points': 'error' },
  },
  {
    // The web app runs in the browser, with its own tsconfig (JSX, DOM).
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Jest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
