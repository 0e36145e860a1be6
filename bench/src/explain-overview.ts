// npm run explain:overview: the overview's statements on the bench's database, each with its EXPLAIN
// ANALYZE (execution time and the plan's top lines), as the API runs them for national leadership.
// Issue 18 asks for the overview's figures in at most two statements and 10 ms; this prints both.
import { overviewFigures } from '@binaan/api/analytics';
import { type QueryOptions, type SqlExecutor, sqlLiteral } from '@binaan/db';
import pg from 'pg';
import { BENCH_DATABASE_URL } from './processes.js';

interface Seen {
  text: string;
  params: unknown[];
  reusePlan: boolean;
}

const pool = new pg.Pool({
  connectionString: BENCH_DATABASE_URL,
  max: 1,
});
const seen: Seen[] = [];
const recording: SqlExecutor = {
  async query<Row extends object>(text: string, params: unknown[] = [], options?: QueryOptions) {
    seen.push({ text, params, reusePlan: options?.reusePlan ?? false });
    return (await pool.query<Row>(text, params)).rows;
  },
  async exec(script: string) {
    await pool.query(script);
  },
};

const runs = Number(process.argv[2] ?? 5);

/** The median of `runs` EXPLAIN ANALYZEs of `explained`, planning and execution together, and the last plan. */
async function measure(explained: string, params: unknown[]): Promise<{ median: number; plan: string[] }> {
  const times: number[] = [];
  let plan: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${explained}`,
      params,
    );
    plan = rows.map((row) => row['QUERY PLAN']);
    const execution = plan.find((line) => line.startsWith('Execution Time'));
    const planning = plan.find((line) => line.startsWith('Planning Time'));
    times.push(Number(/([\d.]+) ms/.exec(execution ?? '')?.[1]) + Number(/([\d.]+) ms/.exec(planning ?? '')?.[1]));
  }
  return { median: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, plan };
}

/**
 * As the API runs a statement that reuses its plan: prepared, run past the five custom plans after which
 * PostgreSQL may keep a generic one, then explained through EXECUTE (which takes literals, not `$n`).
 */
async function measureKeptPlan(statement: Seen) {
  await pool.query(`PREPARE kept AS ${statement.text}`);
  const execute = `EXECUTE kept(${statement.params.map(sqlLiteral).join(', ')})`;
  for (let run = 0; run < 6; run += 1) await pool.query(execute);
  const measured = await measure(execute, []);
  const [counts] = (
    await pool.query<{ generic_plans: string; custom_plans: string }>(
      `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'kept'`,
    )
  ).rows;
  await pool.query('DEALLOCATE kept');
  return { ...measured, counts };
}

// Warm the caches once, then take the median of `runs` executions of each statement.
await overviewFigures(recording, {}, new Date());
console.log(`The overview ran ${seen.length} statement(s).`);
let total = 0;
for (const [index, statement] of seen.entries()) {
  const planned = await measure(statement.text, statement.params);
  const tables = [...new Set(statement.text.match(/\b\w+_(?:rollup|count)\b/g))].join(', ');
  console.log(`\n#${index + 1} (reads ${tables})`);
  console.log(`planned for its parameters: ${planned.median.toFixed(1)} ms planning + execution, median of ${runs}`);
  let { median, plan } = planned;
  if (statement.reusePlan) {
    const kept = await measureKeptPlan(statement);
    console.log(
      `with the plan the API keeps (prepared; ${kept.counts?.generic_plans} generic, ${kept.counts?.custom_plans} custom plans so far): ` +
        `${kept.median.toFixed(1)} ms planning + execution, median of ${runs}`,
    );
    ({ median, plan } = kept);
  }
  total += median;
  if (process.env.FULL_PLAN) console.log(plan.join('\n'));
  else console.log(plan.slice(0, 3).join('\n'));
  console.log(plan.slice(-2).join('\n'));
}
console.log(`\nAll statements, one after another, as the API runs them: ${total.toFixed(1)} ms`);
await pool.end();
