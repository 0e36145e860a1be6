// npm run build -w @binaan/client: the package other applications install, in dist/. Inside the monorepo
// the workspace imports the TypeScript source; what is published is this directory: compiled ESM, type
// declarations, the typed schema (graphql-env.d.ts, schema.graphql) and the README, with a manifest of
// its own that points at them (`npm pack ./dist`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const source = JSON.parse(readFileSync(here('package.json'), 'utf8'));

rmSync(here('dist'), { recursive: true, force: true });
execFileSync(process.execPath, [here('../../node_modules/typescript/bin/tsc'), '-p', here('tsconfig.build.json')], {
  stdio: 'inherit',
});
copyFileSync(here('src/graphql-env.d.ts'), here('dist/graphql-env.d.ts'));
copyFileSync(here('../../apps/api/schema.graphql'), here('dist/schema.graphql'));
copyFileSync(here('README.md'), here('dist/README.md'));

const manifest = {
  name: source.name,
  version: source.version,
  description: source.description,
  license: 'MIT',
  type: 'module',
  engines: { node: '>=20.19' },
  exports: {
    '.': { types: './index.d.ts', import: './index.js' },
    './schema.graphql': './schema.graphql',
    './package.json': './package.json',
  },
  types: './index.d.ts',
  files: ['*.js', '*.d.ts', 'schema.graphql', 'README.md'],
  dependencies: source.dependencies,
};
writeFileSync(here('dist/package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`built ${source.name}@${source.version} in packages/client/dist (npm pack ./dist)`);
