// npm run db:seed -- [--scale demo|national] [--reset] [--today YYYY-MM-DD] [--seed N]
// Migrates, then fills DATABASE_URL (or the embedded database) with areas and synthetic programme data.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { openDatabase } from '../client.js';
import { migrate } from '../migrate.js';
import { type ScaleName, scaleNames } from '../seed/scale.js';
import { seedDatabase, SeedRefusedError, SeedUnfinishedError } from '../seed/seed.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    reset: { type: 'boolean', default: false },
    today: { type: 'string' },
    seed: { type: 'string' },
  },
});
if (!scaleNames.includes(values.scale as ScaleName)) {
  console.error(`--scale must be one of ${scaleNames.join(', ')}`);
  process.exit(2);
}
if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error('--today must be a date, YYYY-MM-DD');
  process.exit(2);
}

const db = await openDatabase();
// The time since the start is the bar's own token, redrawn every few seconds: it keeps moving while one
// long statement (an index build, a rollup family) runs with nothing else to report.
const bar = new cliProgress.SingleBar(
  {
    format: '{phase} [{bar}] {value}/{total} {detail} ({duration_formatted})',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  },
  cliProgress.Presets.shades_classic,
);
try {
  await migrate(db.sql);
  console.log(`Seeding ${db.description} at ${values.scale} scale…`);
  bar.start(1, 0, { phase: 'areas', detail: '' });
  const result = await seedDatabase(db.sql, {
    scale: values.scale as ScaleName,
    reset: values.reset,
    today: values.today,
    seed: values.seed ? Number(values.seed) : undefined,
    onProgress(event) {
      const written = Object.values(event.rows).reduce((sum, count) => sum + count, 0);
      if (event.phase === 'areas') {
        bar.update(0, { phase: 'areas    ', detail: `${written.toLocaleString('en')} rows` });
      } else if (event.phase === 'indexes' || event.phase === 'keys') {
        const detail = event.phase === 'indexes' ? 'building the indexes' : 'checking the foreign keys';
        bar.update(bar.getTotal(), { phase: `${event.phase.padEnd(9)}`, detail });
      } else if (event.phase === 'rollups') {
        // The bar restarts for the rollups: one step per family, naming those being built.
        bar.setTotal(event.families);
        const building = event.building.length ? event.building.join(' + ') : 'done';
        bar.update(event.built.length, {
          phase: 'rollups  ',
          detail: `${building} from ${written.toLocaleString('en')} rows`,
        });
      } else if (event.phase === 'statistics') {
        bar.update(bar.getTotal(), { phase: 'analyse  ', detail: 'table statistics' });
      } else {
        bar.setTotal(event.provinces);
        bar.update(event.provinceIndex, {
          phase: 'programme',
          detail: `province ${event.provinceCode}, ${written.toLocaleString('en')} rows`,
        });
      }
    },
  });
  bar.update(bar.getTotal());
  bar.stop();
  console.log(`\nWrote ${values.scale} data up to ${result.today} in ${(result.durationMs / 1000).toFixed(1)} s:`);
  for (const [table, count] of Object.entries(result.rows)) {
    console.log(`  ${table.padEnd(26)} ${count.toLocaleString('en').padStart(10)}`);
  }
  console.log('Villages (desa/kelurahan) per province:');
  for (const province of result.villagesByProvince) {
    console.log(`  ${province.code} ${province.name.padEnd(30)} ${province.villages.toLocaleString('en').padStart(7)}`);
  }
} catch (error) {
  bar.stop();
  if (error instanceof SeedRefusedError) {
    console.error(error.message);
    process.exitCode = 3;
  } else if (error instanceof SeedUnfinishedError) {
    console.error(`\n${error.message}\n${(error.cause as Error | undefined)?.stack ?? ''}`);
    process.exitCode = 1;
  } else {
    console.error(`Seeding failed, nothing was written: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
