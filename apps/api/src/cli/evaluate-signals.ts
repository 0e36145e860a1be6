// npm run signals:evaluate: how the early-warning detector does on series shaped like the demo data.
//
// 1. Seeds the demo database (embedded, in memory) and reads every kabupaten/kota × report type weekly
//    series of the last 52 complete weeks: their means and dispersions are the shapes to imitate.
// 2. Makes synthetic 104-week series with those means and dispersions (negative binomial; fixed random
//    seed, so the figures repeat), and assesses weeks 60-103 of each as the job does.
// 3. Spike-free series give the false alarms per 100 area-weeks. The same series with a spike injected
//    (2×, 3× or 5× the expected count, for 1, 2 or 3 weeks) give the detection rate within 2 weeks of
//    the spike's start, and the weeks to detection.
// It prints the figures and whether the targets are met (≥ 90 % of 3× spikes within 2 weeks,
// ≤ 2 false alarms per 100 area-weeks), overall and by how many reports a series has a week; then the
// same at higher volumes (5, 10 and 20 reports a week, the demo's dispersions), to show what a series
// needs for the targets to be reachable at all.
import { addDays, todayInIndonesia, weekStartOf } from '@binaan/domain';
import { migrate, seedDatabase } from '@binaan/db';
import { createTestDatabase } from '@binaan/db/testing';
import { assessWeek, DETECTOR, detectorMethod } from '../signals/detector.js';

const SERIES = 3000;
const WEEKS = 104;
const FIRST_ASSESSED = 60;
const SIZES = [2, 3, 5] as const;
const DURATIONS = [1, 2, 3] as const;

/** mulberry32: a small seeded generator, so every run prints the same figures. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20261205);

function poisson(mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k += 1;
  return k;
}
function normal(): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
/** Gamma(shape, 1) by Marsaglia and Tsang (shape ≥ 1; boosted below 1). */
function gamma(shape: number): number {
  if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
/** A count with this mean and variance/mean ratio (Poisson at 1, negative binomial above). */
function count(mean: number, dispersion: number): number {
  if (dispersion <= 1.0001) return poisson(mean);
  const shape = mean / (dispersion - 1);
  return poisson((gamma(shape) * mean) / shape);
}

// ─── 1. The demo data's shapes ──────────────────────────────────────────────────────────────────
const test = await createTestDatabase();
await migrate(test.db.sql);
await seedDatabase(test.db.sql);
const lastWeek = addDays(weekStartOf(todayInIndonesia()), -7);
const firstWeek = addDays(lastWeek, -7 * 51);
const rows = await test.db.sql.query<{ regency_id: number; type: string; week_start: string; reports: number }>(
  `SELECT area_id AS regency_id, type::text AS type, to_char(date_trunc('week', period_start), 'YYYY-MM-DD') AS week_start,
          SUM(reports)::int AS reports
     FROM report_rollup WHERE grain = 'D' AND area_level = 'R' AND period_start >= $1::date AND period_start < $2::date
    GROUP BY 1, 2, 3`,
  [firstWeek, addDays(lastWeek, 7)],
);
await test.dispose();
const bySeries = new Map<string, number[]>();
for (const row of rows) {
  const key = `${row.regency_id}|${row.type}`;
  const weeks = bySeries.get(key) ?? Array.from({ length: 52 }, () => 0);
  weeks[Math.round((Date.parse(row.week_start) - Date.parse(firstWeek)) / (7 * 86_400_000))]! += row.reports;
  bySeries.set(key, weeks);
}
const shapes = [...bySeries.values()].map((weeks) => {
  const mean = weeks.reduce((sum, value) => sum + value, 0) / weeks.length;
  const variance = weeks.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (weeks.length - 1);
  return { mean, dispersion: mean > 0 ? Math.max(1, variance / mean) : 1 };
});
const means = shapes.map((shape) => shape.mean).sort((a, b) => a - b);
const quantile = (q: number) => means[Math.floor(q * (means.length - 1))]!;

// ─── 2. Synthetic series and their assessment ───────────────────────────────────────────────────
interface Band {
  label: string;
  test: (mean: number) => boolean;
}
interface Tally {
  weeks: number;
  falseAlarms: number;
  spikes: Record<string, { injected: number; within2: number; weeksToDetect: number[] }>;
}
const alarmsAt = (series: number[], from: number, to: number) => {
  const weeks: number[] = [];
  for (let t = from; t <= to; t += 1) if (assessWeek(series, t)?.signal) weeks.push(t);
  return weeks;
};

function simulate(shapesToUse: { mean: number; dispersion: number }[], bands: Band[], count_: number): Tally[] {
  const tallies = bands.map(() => ({ weeks: 0, falseAlarms: 0, spikes: {} }) as Tally);
  for (let index = 0; index < count_; index += 1) {
    const shape = shapesToUse[Math.floor(random() * shapesToUse.length)]!;
    const series = Array.from({ length: WEEKS }, () => count(shape.mean, shape.dispersion));
    const inBands = bands.map((band) => band.test(shape.mean));
    const falseAlarms = alarmsAt(series, FIRST_ASSESSED, WEEKS - 1).length;
    for (const size of SIZES) {
      for (const duration of DURATIONS) {
        const start = FIRST_ASSESSED + Math.floor(random() * (WEEKS - FIRST_ASSESSED - 4));
        const spiked = [...series];
        // The spike adds (size − 1) × the area's usual count on top of what it would have reported.
        for (let week = start; week < start + duration; week += 1) {
          spiked[week] = series[week]! + count(Math.max(shape.mean, 0.1) * (size - 1), shape.dispersion);
        }
        const first = alarmsAt(spiked, start, start + duration)[0];
        bands.forEach((_, band) => {
          if (!inBands[band]) return;
          const tally = (tallies[band]!.spikes[`${size}x ${duration}w`] ??= {
            injected: 0,
            within2: 0,
            weeksToDetect: [],
          });
          tally.injected += 1;
          if (first !== undefined && first - start < 2) tally.within2 += 1;
          if (first !== undefined) tally.weeksToDetect.push(first - start + 1);
        });
      }
    }
    bands.forEach((_, band) => {
      if (!inBands[band]) return;
      tallies[band]!.weeks += WEEKS - FIRST_ASSESSED;
      tallies[band]!.falseAlarms += falseAlarms;
    });
  }
  return tallies;
}

const demoBands: Band[] = [
  { label: 'under 1 report a week', test: (mean) => mean < 1 },
  { label: '1 to 3 reports a week', test: (mean) => mean >= 1 && mean < 3 },
  { label: '3 or more reports a week', test: (mean) => mean >= 3 },
  { label: 'all series', test: () => true },
];
const demoTallies = simulate(shapes, demoBands, SERIES);
const volumes = [5, 10, 20];
const volumeBands: Band[] = volumes.map((volume) => ({
  label: `${volume} reports a week (the demo's dispersions)`,
  test: (mean) => mean === volume,
}));
const volumeTallies = simulate(
  volumes.flatMap((mean) => shapes.map((shape) => ({ mean, dispersion: shape.dispersion }))),
  volumeBands,
  1500,
);

// ─── 3. The figures ─────────────────────────────────────────────────────────────────────────────
const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');
console.log(`\nEarly-warning detector: ${detectorMethod(DETECTOR)}`);
console.log(
  `Demo data: ${shapes.length} kabupaten/kota × type series over 52 weeks to ${lastWeek}; reports a week per series:` +
    ` median ${quantile(0.5).toFixed(2)}, 75th percentile ${quantile(0.75).toFixed(2)}, 90th ${quantile(0.9).toFixed(2)}, max ${quantile(1).toFixed(2)}`,
);
console.log(
  `Synthetic: ${SERIES} series of ${WEEKS} weeks shaped like those, weeks ${FIRST_ASSESSED}-${WEEKS - 1} assessed\n`,
);
function print(bands: Band[], tallies: Tally[]) {
  for (const [band, tally] of tallies.entries()) {
    if (tally.weeks === 0) continue;
    const spikeFree = (100 * tally.falseAlarms) / tally.weeks;
    console.log(`${bands[band]!.label} (${tally.weeks / (WEEKS - FIRST_ASSESSED)} series)`);
    console.log(
      `  false alarms per 100 area-weeks (no spike): ${spikeFree.toFixed(2)}   target ≤ 2: ${spikeFree <= 2 ? 'met' : 'MISSED'}`,
    );
    console.log('  spike    found within 2 weeks   mean weeks to detection (when found)');
    for (const [key, spike] of Object.entries(tally.spikes)) {
      const mean = spike.weeksToDetect.length
        ? (spike.weeksToDetect.reduce((sum, weeks) => sum + weeks, 0) / spike.weeksToDetect.length).toFixed(2)
        : '–';
      console.log(`  ${key.padEnd(8)} ${percent(spike.within2, spike.injected).padStart(20)}   ${mean.padStart(10)}`);
    }
    const threeX = Object.entries(tally.spikes).filter(([key]) => key.startsWith('3x'));
    const found = threeX.reduce((sum, [, spike]) => sum + spike.within2, 0);
    const injected = threeX.reduce((sum, [, spike]) => sum + spike.injected, 0);
    console.log(
      `  3× spikes found within 2 weeks: ${percent(found, injected)}   target ≥ 90 %: ${found / injected >= 0.9 ? 'met' : 'MISSED'}\n`,
    );
  }
}
print(demoBands, demoTallies);
console.log('The same detector at higher volumes:\n');
print(volumeBands, volumeTallies);
