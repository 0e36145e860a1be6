// The printed table and bench/results/: latest.json (the issue's shape), latest.md, and a dated copy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement } from './drive.js';
import type { PageWorkload, ServerName, Workload } from './workloads.js';

export interface Run extends Omit<Measurement, 'firstError' | 'requests'> {
  workload: Workload | PageWorkload;
  server: ServerName;
  connections: number;
  /** Every round's req/s when the workload was measured more than once (the figures are the median round's). */
  roundsRps?: number[];
}

export interface BenchResults {
  machine: Record<string, unknown>;
  dataset: Record<string, number>;
  pgliteDataset?: Record<string, number>;
  settings: Record<string, unknown>;
  runs: Run[];
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
/** CPU ms per request; older result files have none. */
const cpu = (value: number | null | undefined) => (value == null ? '–' : value.toFixed(2));

function ratio(runs: Run[], run: Run, other: ServerName): string {
  const base = runs.find((candidate) => candidate.workload === run.workload && candidate.server === other);
  return base && base.rps > 0 ? `${fixed((run.rps / base.rps) * 100, 0)} %` : '';
}

/**
 * One Markdown table: every server per workload, with Binaan's throughput against PostGraphile and the floor;
 * with several rounds, req/s is the median round's, its range beside it.
 */
export function markdownTable(results: BenchResults): string {
  const lines = [
    '| workload | server | conns | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms/req | machine CPU ms/req | vs PostGraphile | vs floor |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const run of results.runs) {
    const binaan = run.server === 'binaan' || run.server === 'binaan-cached';
    lines.push(
      `| ${run.workload} | ${run.server} | ${run.connections} | ${fixed(run.rps)}${run.roundsRps ? ` (${fixed(Math.min(...run.roundsRps))}–${fixed(Math.max(...run.roundsRps))})` : ''} | ${fixed(run.p50_ms)} | ${fixed(run.p95_ms)} | ${fixed(run.p99_ms)} | ${run.errors} | ${cpu(run.serverCpuMs)} | ${cpu(run.machineCpuMs)} | ${binaan ? ratio(results.runs, run, 'postgraphile') : ''} | ${binaan ? ratio(results.runs, run, 'floor') : ''} |`,
    );
  }
  return lines.join('\n');
}

export function writeResults(dir: string, results: BenchResults): string[] {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const markdown = [
    `# Benchmark ${new Date().toISOString()}`,
    '',
    `Machine: ${JSON.stringify(results.machine)}`,
    '',
    `Dataset (PostgreSQL): ${JSON.stringify(results.dataset)}`,
    ...(results.pgliteDataset ? ['', `Dataset (PGlite): ${JSON.stringify(results.pgliteDataset)}`] : []),
    '',
    `Settings: ${JSON.stringify(results.settings)}`,
    '',
    markdownTable(results),
    '',
  ].join('\n');
  const files = [join(dir, 'latest.json'), join(dir, 'latest.md'), join(dir, `${stamp}.json`)];
  writeFileSync(files[0]!, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(files[1]!, markdown);
  writeFileSync(files[2]!, `${JSON.stringify(results, null, 2)}\n`);
  return files;
}
