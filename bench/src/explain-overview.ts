// npm run explain:overview: the overview's statements on the bench's database, each with its EXPLAIN
// ANALYZE (execution time and the plan's top lines), as the API runs them for national leadership.
// Issue 18 asks for the overview's figures in at most two statements and 10 ms; this prints both.
import { overviewFigures } from '@binaan/api/analytics';
import type { SqlExecutor } from '@binaan/db';
import pg from 'pg';
import { BENCH_DATABASE_URL } from './processes.js';

interface Seen {
  text: string;
  params: unknown[];
}

const pool = new pg.Pool({
  connectionString: BENCH_DATABASE_URL,
  max: 1,
});
const seen: Seen[] = [];
const recording: SqlExecutor = {
  async query<Row extends object>(text: string, params: unknown[] = []) {
    seen.push({ text, params });
    return (await pool.query<Row>(text, params)).rows;
  },
  async exec(script: string) {
    await pool.query(script);
  },
};

const runs = Number(process.argv[2] ?? 5);
// Warm the caches once, then take the median of `runs` executions of each statement.
await overviewFigures(recording, {}, new Date());
console.log(`The overview ran ${seen.length} statement(s).`);
let total = 0;
for (const [index, statement] of seen.entries()) {
  const times: number[] = [];
  let plan: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
      statement.params,
    );
    plan = rows.map((row) => row['QUERY PLAN']);
    const execution = plan.find((line) => line.startsWith('Execution Time'));
    const planning = plan.find((line) => line.startsWith('Planning Time'));
    times.push(Number(/([\d.]+) ms/.exec(execution ?? '')?.[1]) + Number(/([\d.]+) ms/.exec(planning ?? '')?.[1]));
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  total += median;
  const tables = [...new Set(statement.text.match(/\b\w+_(?:rollup|count)\b/g))].join(', ');
  console.log(`\n#${index + 1} (reads ${tables}): ${median.toFixed(1)} ms planning + execution, median of ${runs}`);
  if (process.env.FULL_PLAN) console.log(plan.join('\n'));
  else console.log(plan.slice(0, 3).join('\n'));
  console.log(plan.slice(-2).join('\n'));
}
console.log(`\nAll statements, one after another: ${total.toFixed(1)} ms`);
await pool.end();
