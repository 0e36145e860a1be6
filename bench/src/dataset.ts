// The benchmark's database: the national dataset in PostgreSQL (seeded once, ~6 minutes, and kept
// between runs), the bench functions PostGraphile serves, an API token, and what the workloads vary.
import { spawnSync } from 'node:child_process';
import { coverageByArea, overviewFigures, reportStats } from '@binaan/api/analytics';
import { computeSignals } from '@binaan/api/signals';
import { DEFAULT_DEMO_PASSWORD, openDatabase, type SqlExecutor } from '@binaan/db';
import pg from 'pg';
import { COVERAGE_FILTER, REPORTS_FILTER, type SubmitVillage } from './workloads.js';
import { REPO_ROOT, TSX } from './processes.js';

/** A national dataset has about 83,762 villages; fewer means it was never seeded here. */
const NATIONAL_VILLAGES = 80_000;
const COUNTED_TABLES = [
  'province',
  'regency',
  'district',
  'village',
  'immigration_office',
  'designation',
  'task_force_member',
  'training_attendance',
  'village_report',
  'report_status_transition',
  'report_rollup',
] as const;

export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Runs one of the repository's CLIs (migrate, seed, token) against `env`; returns its stdout. */
export function runCli(script: string, args: string[], env: Record<string, string>, inherit = false): string {
  const result = spawnSync(TSX, [script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', inherit ? 'inherit' : 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${result.status}`);
  return result.stdout ?? '';
}

export async function prepareNationalDataset(
  url: string,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  await ensureDatabase(url);
  runCli('packages/db/src/cli/migrate.ts', [], { DATABASE_URL: url }, true);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const [{ villages }] = (await pool.query<{ villages: number }>('SELECT COUNT(*)::int AS villages FROM village'))
      .rows as [{ villages: number }];
    if (villages < NATIONAL_VILLAGES) {
      log(`Seeding the national dataset into ${new URL(url).pathname.slice(1)} (once; about 6 minutes on 2 cores)…`);
      runCli('packages/db/src/cli/seed.ts', ['--scale', 'national', '--reset'], { DATABASE_URL: url }, true);
      // As autovacuum would soon after a bulk load: the visibility map lets index-only scans skip the heap.
      log('Vacuuming the new dataset…');
      await pool.query('VACUUM (ANALYZE)');
    }
    // The API's own connections run without JIT (packages/db); the database-wide setting gives
    // PostGraphile and the floor the same, so that no server pays for compiling statements.
    await pool.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET jit = off`);
    // The servers run without the hourly signals job (its minutes of work would land in some measurement
    // or other); the signals page needs signals, computed once here as the first run would.
    const { rows: signalRuns } = await pool.query('SELECT 1 FROM signal_run LIMIT 1');
    if (!signalRuns.length) {
      log('Computing the early-warning signals once…');
      const db = await openDatabase({ url, maxConnections: 1 });
      try {
        await computeSignals(db, { trigger: 'manual' });
      } finally {
        await db.close();
      }
    }
    // Submissions of earlier runs, so that every run reads the same data.
    await removeBenchSubmissions(pool);
    await createPostgraphileFunctions(pool);
    return await tableCounts(pool);
  } finally {
    await pool.end();
  }
}

/**
 * Waits until the database has no statement running for another client: requests a load generator gave
 * up on keep running in the server, and would otherwise slow the next measurement down.
 */
export async function waitForQuietDatabase(url: string, timeoutMs = 120_000): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await pool.query<{ busy: number }>(
        `SELECT COUNT(*)::int AS busy FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]!.busy === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await pool.end();
  }
}

/**
 * Removes what the bench submitted, a few thousand reports per transaction. Each removal moves the same
 * few rollup rows (the bench's villages, today, per type) back by one, and inside one transaction every
 * update of a row walks the versions the earlier ones left: 65,000 reports in one statement ran for over
 * 15 minutes; in batches, each transaction's versions are cleaned up before the next.
 */
export async function removeBenchSubmissions(pool: pg.Pool, batch = 2_000): Promise<number> {
  let removed = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      `WITH chosen AS (SELECT id FROM village_report WHERE source LIKE 'bench:%' LIMIT $1),
            steps AS (DELETE FROM report_status_transition WHERE report_id IN (SELECT id FROM chosen))
       DELETE FROM village_report WHERE id IN (SELECT id FROM chosen)`,
      [batch],
    );
    removed += rowCount ?? 0;
    if (!rowCount) return removed;
  }
}

export async function tableCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = (await pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${table}"`)).rows[0]!.n;
  }
  return counts;
}

/** The statements an analytics function sends, captured instead of run. */
async function recordStatements(run: (sql: SqlExecutor) => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const recorder = {
    query: async (text: string, params: unknown[] = []) => {
      statements.push(text.replace(/\$(\d+)/g, (_match, index: string) => literal(params[Number(index) - 1])));
      return [];
    },
    exec: async () => undefined,
  } as unknown as SqlExecutor;
  await run(recorder);
  return statements;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]::text[]`;
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * PostGraphile gets each analytics workload as a STABLE SQL function returning the rows of every
 * statement the Binaan API runs for it, so both read the same rollups with the same SQL.
 */
async function createPostgraphileFunctions(pool: pg.Pool): Promise<void> {
  const functions = {
    overview: await recordStatements((sql) => overviewFigures(sql, {}, new Date())),
    coverage: await recordStatements((sql) => coverageByArea(sql, 'REGENCY', COVERAGE_FILTER)),
    reports: await recordStatements((sql) => reportStats(sql, ['REGENCY', 'MONTH'], REPORTS_FILTER)),
  };
  await pool.query('DROP SCHEMA IF EXISTS bench CASCADE');
  await pool.query('CREATE SCHEMA bench');
  for (const [name, statements] of Object.entries(functions)) {
    const parts = statements.map((statement) => `(SELECT COALESCE(json_agg(q), '[]'::json) FROM (${statement}) q)`);
    await pool.query(`CREATE OR REPLACE FUNCTION bench.${name}() RETURNS json LANGUAGE sql STABLE AS $fn$
      SELECT json_build_array(${parts.join(',\n')}) $fn$`);
  }
}

export interface BenchTokens {
  /** National leadership: reads every figure and record. */
  read: string;
  /** Kanim Batulicin: submits reports for its villages, as a village reporting app would. */
  submit: string;
}

/** API tokens of the demo accounts the seed creates, valid one day. */
export function issueBenchTokens(env: Record<string, string>): BenchTokens {
  const issue = (email: string, scopes: string, office: string[] = []) => {
    const output = runCli(
      'apps/api/src/cli/issue-token.ts',
      ['--email', email, '--name', `bench ${new Date().toISOString()}`, '--scopes', scopes, '--days', '1', ...office],
      { ...env, BINAAN_PASSWORD: DEFAULT_DEMO_PASSWORD },
    );
    const secret = output.trim().split('\n').pop()?.trim();
    if (!secret) throw new Error(`token:issue printed no secret:\n${output}`);
    return secret;
  };
  return {
    read: issue('pimpinan@binaan.test', 'aggregates:read,records:read'),
    submit: issue('kanim.batulicin@binaan.test', 'reports:submit', ['--office', 'KANIM-BATULICIN']),
  };
}

/** Villages of Kabupaten Tanah Bumbu (Kanim Batulicin's area) to submit reports for, with the ids PostGraphile's insert needs. */
export async function submitVillages(url: string): Promise<SubmitVillage[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<SubmitVillage>(
      `SELECT v.id, v.code, v.regency_id AS "regencyId", v.province_id AS "provinceId",
              (SELECT g.id FROM designation g WHERE g.village_id = v.id AND g.status = 'ACTIVE' ORDER BY g.id LIMIT 1) AS "designationId"
         FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.10' ORDER BY v.code LIMIT 200`,
    );
    return rows;
  } finally {
    await pool.end();
  }
}

/** Every 4,000th village by code: the pages of the villages workload start after these. */
export async function pageStartVillages(url: string): Promise<{ id: number; code: string; offset: number }[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ id: number; code: string; offset: number }>(
      `SELECT id, code, n::int AS offset FROM (SELECT id, code, row_number() OVER (ORDER BY code) - 1 AS n FROM village) v
        WHERE n % 4000 = 0 ORDER BY code`,
    );
    return rows;
  } finally {
    await pool.end();
  }
}
