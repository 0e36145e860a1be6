// Lint rules that encode the architecture (see the README's "Layout"): which folder may import which,
// no import cycles, the environment read in one place per package, type-only imports marked as such.
// Formatting is Prettier's (tooling/prettier.config.js); eslint-config-prettier turns off rules that
// would fight it.
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const repoRoot = new URL('..', import.meta.url).pathname;

/** The rooms of each app and which rooms each may import (anything else is refused). */
const elements = [
  // The dashboard: app → features → components → lib; a feature never imports another feature.
  { type: 'dashboard-app', pattern: 'apps/dashboard/src/app' },
  { type: 'dashboard-feature', pattern: 'apps/dashboard/src/features/*', capture: ['feature'] },
  { type: 'dashboard-components', pattern: 'apps/dashboard/src/components' },
  { type: 'dashboard-lib', pattern: 'apps/dashboard/src/lib' },
  // The field app: screens → outbox (storage and sending) → api (documents and transport).
  { type: 'lapor-screens', pattern: 'apps/lapor/src/screens' },
  { type: 'lapor-outbox', pattern: 'apps/lapor/src/outbox' },
  { type: 'lapor-api', pattern: 'apps/lapor/src/api' },
  // The API: the schema uses analytics and auth, never the other way round.
  { type: 'api-schema', pattern: 'apps/api/src/schema' },
  { type: 'api-analytics', pattern: 'apps/api/src/analytics' },
  { type: 'api-auth', pattern: 'apps/api/src/auth' },
];

/** Which rooms each room may import; within one room (one feature, say) anything goes. */
const mayImport = {
  'dashboard-app': ['dashboard-feature', 'dashboard-components', 'dashboard-lib'],
  'dashboard-feature': ['dashboard-components', 'dashboard-lib'],
  'dashboard-components': ['dashboard-components', 'dashboard-lib'],
  'dashboard-lib': ['dashboard-lib'],
  'lapor-screens': ['lapor-outbox', 'lapor-api'],
  'lapor-outbox': ['lapor-api'],
  'lapor-api': [],
  'api-schema': ['api-schema', 'api-analytics', 'api-auth'],
  'api-analytics': ['api-analytics'],
  'api-auth': ['api-auth', 'api-analytics'],
};
const app = (type) => type.split('-')[0];
const refusals = Object.entries(mayImport).map(([from, allowed]) => ({
  from: { element: { type: from } },
  disallow: {
    to: {
      element: {
        types: {
          anyOf: elements.map((element) => element.type).filter((to) => app(to) === app(from) && !allowed.includes(to)),
        },
      },
    },
  },
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '**/test-output/**',
      '**/.turbo/**',
      'bench/results/**',
      '**/*.d.ts',
    ],
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [tseslint.configs.base],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/root-path': repoRoot,
      'boundaries/elements': elements,
      'boundaries/include': ['apps/*/src/**/*'],
      // import-x parses the imported files too, to follow cycles; they are TypeScript.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: [`${repoRoot}apps/*/tsconfig.json`, `${repoRoot}packages/*/tsconfig.json`],
        }),
      ],
      'import/resolver': {
        typescript: {
          noWarnOnMultipleProjects: true,
          project: [`${repoRoot}apps/*/tsconfig.json`, `${repoRoot}packages/*/tsconfig.json`],
        },
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // An import or variable nobody reads is a leftover of a move; `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: refusals,
        },
      ],
    },
  },
  {
    // The environment is read in one place per package (env.ts); command-line tools read their own.
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.ts'],
    ignores: ['**/env.ts', '**/cli/**', '**/cli.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment in env.ts and pass the value in.' },
      ],
    },
  },
  prettier,
);
