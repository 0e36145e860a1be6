// docs/analysts.md runs: every GraphQL block in it (with the JSON variables block that follows, if any)
// is sent with an analyst's token to the seeded API and must answer without errors and with data; the
// shell recipes (curl, jq, examples/export-csv.ts) run against a real server.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { computeSignals } from '../src/signals/job.js';
import { createSeededApi, SEED_TODAY, type SeededApi } from './support/seeded-api.js';
import { asApplicationsSeeIt, startTestService } from './support/service.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const guide = readFileSync(join(repoRoot, 'docs/analysts.md'), 'utf8');

interface DocQuery {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** ```graphql blocks, each with the ```json block right after it as its variables. */
function queriesIn(markdown: string): DocQuery[] {
  const blocks = [...markdown.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({
    lang: match[1]!,
    body: match[2]!,
    end: match.index! + match[0].length,
  }));
  return blocks.flatMap((block, index) => {
    if (block.lang !== 'graphql') return [];
    const next = blocks[index + 1];
    const between = next ? markdown.slice(block.end, markdown.indexOf('```', block.end)) : '';
    const variables =
      next?.lang === 'json' && between.trim() === '' ? (JSON.parse(next.body) as Record<string, unknown>) : {};
    return [
      { name: /(?:query|mutation)\s+(\w+)/.exec(block.body)?.[1] ?? `block ${index}`, query: block.body, variables },
    ];
  });
}

/** Some list in the answer has an entry, or some count is above zero: the question got an answer. */
function hasSubstance(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value > 0;
  if (value && typeof value === 'object') return Object.values(value).some(hasSubstance);
  return false;
}

// Asynchronous: the server answering the recipes runs in this process.
const run = promisify(execFile);
const shellBlocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('docs/analysts.md', () => {
  let api: SeededApi;
  let token: string;
  beforeAll(async () => {
    api = await createSeededApi();
    token = await api.issueToken('national', ['AGGREGATES_READ', 'RECORDS_READ']);
    // As a running API does on its first scheduled run: the signals of the last 12 weeks.
    await computeSignals(api.db, { trigger: 'test', weeks: 12, today: SEED_TODAY });
  });
  afterAll(() => api.dispose());

  const queries = queriesIn(guide);
  it('has a dozen worked queries besides the paging example', () => {
    expect(queries.length).toBeGreaterThanOrEqual(13);
    expect(new Set(queries.map((query) => query.name)).size).toBe(queries.length);
  });

  it.each(queries.map((query) => [query.name, query] as const))(
    '%s answers with data and no errors',
    async (_name, { query, variables }) => {
      const body = await api.graphql(query, variables, { token });
      expect(body.errors).toBeUndefined();
      expect(hasSubstance(body.data)).toBe(true);
    },
  );

  it('tells the truth about tokens: personal fields are null, refused fields carry the codes it names', async () => {
    const reports = await api.graphql(
      '{ reports(first: 3) { edges { node { reporterName reporterPhone } } } }',
      {},
      { token },
    );
    expect(reports.data!.reports.edges.length).toBe(3);
    for (const edge of reports.data!.reports.edges)
      expect(edge.node).toEqual({ reporterName: null, reporterPhone: null });
    const aggregatesOnly = await api.issueToken('national', ['AGGREGATES_READ']);
    const refused = await api.graphql('{ reports(first: 1) { totalCount } }', {}, { token: aggregatesOnly });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const areas = await api.graphql('{ villages(first: 1) { totalCount } }', {}, { token: aggregatesOnly });
    expect(areas.data?.villages.totalCount).toBe(6118);
    const expired = await api.graphql('{ villages(first: 1) { totalCount } }', {}, { token: 'bnn_t_not-a-token' });
    expect(expired.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tooMany = await api.graphql('{ villages(first: 500) { totalCount } }', {}, { token });
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'first: Paling banyak 100 hasil per halaman; gunakan kursor untuk selanjutnya.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('docs/analysts.md command-line recipes', () => {
  let seeded: SeededApi;
  let service: Service;
  let env: NodeJS.ProcessEnv;
  let workDir: string;
  beforeAll(async () => {
    seeded = await createSeededApi();
    const token = await seeded.issueToken('national', ['AGGREGATES_READ', 'RECORDS_READ']);
    service = await startTestService(seeded.db, asApplicationsSeeIt);
    workDir = mkdtempSync(join(tmpdir(), 'binaan-analyst-'));
    // BASH_ENV would make bash read a startup file first (turbo's environment sets one).
    const { BASH_ENV: _startupFile, ...inherited } = process.env;
    env = { ...inherited, BINAAN_URL: `${service.url}/graphql`, BINAAN_TOKEN: token };
  });
  afterAll(async () => {
    await service.stop();
    await seeded.dispose();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** A recipe from the guide, run by bash in a scratch directory, with `npx tsx examples/…` pointed at this checkout's tsx. */
  const runRecipe = (script: string) =>
    run(
      'bash',
      [
        '--noprofile',
        '--norc',
        '-euo',
        'pipefail',
        '-c',
        script
          .replaceAll('npx tsx examples/', `${repoRoot}node_modules/.bin/tsx ${repoRoot}examples/`)
          .replace(/^export BINAAN_URL=.*$/m, ''),
      ],
      {
        cwd: workDir,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    ).then(
      ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        status: error.code ?? 1,
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? '',
      }),
    );

  it('exports a query to CSV with examples/export-csv.ts (in production mode, as an application with a token)', async () => {
    const recipe = shellBlocks.find((block) => block.includes('export-csv.ts'))!;
    const result = await runRecipe(recipe);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const csv = readFileSync(join(workDir, 'foreign-nationals.csv'), 'utf8').trim().split(/\r?\n/); // RFC 4180 line ends
    expect(csv[0]).toBe('regency.code,regency.name,reports');
    expect(csv.length).toBeGreaterThan(5);
    expect(csv[1]).toMatch(/^53\.\d\d,[^,]+,\d+$/);
  });

  const hasJq = spawnSync('jq', ['--version']).status === 0;
  it.skipIf(!hasJq)('exports to CSV with curl and jq', async () => {
    const recipe = shellBlocks.find((block) => block.includes('| jq'))!;
    const result = await runRecipe(recipe);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('"code","name","villages","designated"');
    expect(lines).toHaveLength(5);
    expect(lines).toContain(
      '"53","Nusa Tenggara Timur",3442,' +
        lines
          .find((line) => line.startsWith('"53"'))!
          .split(',')
          .at(-1),
    );
  });

  it('runs the curl example of section 2', async () => {
    const recipe = shellBlocks.find((block) => block.startsWith('curl -s http://localhost:4000/graphql'))!;
    const result = await runRecipe(recipe.replace('http://localhost:4000/graphql', '"$BINAAN_URL"'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).data.provinces.totalCount).toBe(4);
  });
});
