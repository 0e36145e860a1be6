// Forecast to target: where a count that grows through the year (designations inaugurated, members
// fully trained) will stand on 31 December, with an interval, and whether the work-plan target is
// within reach.
//
// The model: what is still to come this year arrives as a Poisson process at the rate seen so far this
// year. The rate is uncertain (a Gamma posterior from the count so far over the days elapsed, with
// Jeffreys' prior), so the count still to come is negative binomial: shape a = count + ½, and
// p = elapsed / (elapsed + remaining). The projection is the count so far plus that distribution's
// mean; the interval its 10th to 90th percentile (80 %); the status the chance of reaching the target:
// at least 80 % on track, at least 20 % at risk, below that off track. No seasonality: inaugurations
// cluster around ceremonies, which a year of history cannot model; the interval is honest about the
// rate's uncertainty, not about those clusters.

import type { SqlExecutor } from '@binaan/db';
import { daysBetween } from '@binaan/domain';
import { type AreaKey, coverageByArea } from './coverage.js';
import type { AnalyticsFilter } from './filter.js';
import { raw, select, sql } from './sql.js';
import { trainingCompletion } from './training.js';

export type ForecastStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK';

export interface Projection {
  /** Counted so far this year. */
  soFar: number;
  /** Expected on 31 December. */
  projected: number;
  /** 80 % interval of the count on 31 December. */
  low: number;
  high: number;
  target: number | null;
  /** Chance of reaching the target by 31 December; null without a target, or while too early. */
  chanceOfTarget: number | null;
  status: ForecastStatus | null;
  /** In the year's first month: no chance or status is given (FIRST_MONTH_DAYS). */
  tooEarly: boolean;
}

export const ON_TRACK_CHANCE = 0.8;
export const AT_RISK_CHANCE = 0.2;

/**
 * Until 31 January the rate so far rests on too few days: the programme's work comes in batches (an
 * inauguration ceremony, a training session for a whole task force) that the model does not know, and
 * the first weeks after the holidays are often empty. On 3 January a province with nothing yet would be
 * off track (a 3 % chance of a target of 270) and one with ten trained on track, 1,277 projected. So in
 * those days the projection and its interval are given, but no chance and no status.
 */
export const FIRST_MONTH_DAYS = 31;

/**
 * The negative binomial's cumulative probabilities P(R ≤ k) for k = 0 … upTo. pmf(0) = p^a; pmf(k) = pmf(k−1) · (k − 1 + a) / k · (1 − p), in logs, so a
 * large count (p^a below the smallest double) still sums right.
 */
function negativeBinomialCdf(shape: number, p: number, upTo: number): number[] {
  const cdf: number[] = [];
  let logPmf = shape * Math.log(p);
  let total = 0;
  for (let k = 0; k <= upTo; k += 1) {
    if (k > 0) logPmf += Math.log((k - 1 + shape) / k) + Math.log(1 - p);
    total += Math.exp(logPmf);
    cdf.push(Math.min(1, total));
  }
  return cdf;
}

/** The smallest k with P(R ≤ k) ≥ q. */
const quantile = (cdf: number[], q: number) => {
  const index = cdf.findIndex((value) => value >= q);
  return index < 0 ? cdf.length - 1 : index;
};

export function projectToYearEnd(input: {
  soFar: number;
  /** Days of the year counted so far (1 January to today, inclusive). */
  elapsedDays: number;
  /** Days left until 31 December. */
  remainingDays: number;
  target: number | null;
}): Projection {
  const { soFar, elapsedDays, remainingDays } = input;
  const target = input.target && input.target > 0 ? input.target : null;
  const statusOf = (chance: number | null): ForecastStatus | null =>
    chance === null
      ? null
      : chance >= ON_TRACK_CHANCE
        ? 'ON_TRACK'
        : chance >= AT_RISK_CHANCE
          ? 'AT_RISK'
          : 'OFF_TRACK';
  if (remainingDays <= 0 || elapsedDays <= 0) {
    // The year is over (or has not begun): what there is, is final.
    const chance = target === null ? null : soFar >= target ? 1 : 0;
    return {
      soFar,
      projected: soFar,
      low: soFar,
      high: soFar,
      target,
      chanceOfTarget: chance,
      status: statusOf(chance),
      tooEarly: false,
    };
  }
  const shape = soFar + 0.5;
  const p = elapsedDays / (elapsedDays + remainingDays);
  const mean = (shape * (1 - p)) / p;
  const sd = Math.sqrt((shape * (1 - p)) / (p * p));
  // Far enough into the tail for the 90th percentile and the target.
  const upTo = Math.ceil(Math.max(mean + 8 * sd + 10, target === null ? 0 : target - soFar + 1));
  const cdf = negativeBinomialCdf(shape, p, upTo);
  const tooEarly = elapsedDays <= FIRST_MONTH_DAYS;
  const needed = target === null || tooEarly ? null : target - soFar;
  const chance = needed === null ? null : needed <= 0 ? 1 : 1 - (cdf[needed - 1] ?? 1);
  return {
    soFar,
    projected: soFar + mean,
    low: soFar + quantile(cdf, 0.1),
    high: soFar + quantile(cdf, 0.9),
    target,
    chanceOfTarget: chance,
    status: statusOf(chance),
    tooEarly,
  };
}

// ─── The figures, per area ──────────────────────────────────────────────────────────────────────

export interface ForecastRow {
  area: AreaKey;
  /** Designations inaugurated this year, against the villages-to-designate target. */
  designations: Projection;
  /** Members newly fully trained this year (net), against the members-to-train target. */
  membersTrained: Projection;
}

const dayCount = (from: string, to: string) => daysBetween(from, to) + 1;

/** Members-to-train targets of the year per area (the province's from its kabupaten/kota's sum). */
async function memberTargets(db: SqlExecutor, level: 'PROVINCE' | 'REGENCY', filter: AnalyticsFilter, year: number) {
  const rows = await select<{ code: string; target: number }>(
    db,
    sql`SELECT ${raw(level === 'PROVINCE' ? 'p.code' : 'r.code')} AS code, SUM(t.members_to_train)::int AS target
          FROM regency_target t JOIN regency r ON r.id = t.regency_id JOIN province p ON p.id = r.province_id
         WHERE t.year = ${year}
           AND (${filter.provinceCodes ?? null}::text[] IS NULL OR p.code = ANY(${filter.provinceCodes ?? null}::text[]))
           AND (${filter.regencyCodes ?? null}::text[] IS NULL OR r.code = ANY(${filter.regencyCodes ?? null}::text[]))
         GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.code, row.target]));
}

/**
 * Each area's designations and fully trained members projected to 31 December of `year` (days in
 * WIB), from the same analytics as the coverage and training pages.
 */
export async function forecastToTarget(
  db: SqlExecutor,
  level: 'PROVINCE' | 'REGENCY',
  filter: AnalyticsFilter,
  options: { year: number; today: string },
): Promise<ForecastRow[]> {
  const start = `${options.year}-01-01`;
  const end = `${options.year}-12-31`;
  const upTo = options.today < end ? options.today : end;
  const elapsed = options.today < start ? 0 : dayCount(start, upTo);
  const remaining = dayCount(start, end) - elapsed;
  const areaFilter = { ...filter, from: start, to: upTo };
  const [coverage, trainedNow, trainedBefore, targets] = await Promise.all([
    coverageByArea(db, level, areaFilter),
    trainingCompletion(db, level, areaFilter, false),
    trainingCompletion(db, level, { ...filter, from: null, to: `${options.year - 1}-12-31` }, false),
    memberTargets(db, level, filter, options.year),
  ]);
  const now = new Map(trainedNow.map((row) => [row.area.code, row.completedAll]));
  const before = new Map(trainedBefore.map((row) => [row.area.code, row.completedAll]));
  return coverage.map((row) => {
    // Fully trained members are a stock; the year's figure is its change since 1 January (members who
    // completed their last module, less trained members who left), counted against "members to train".
    const trainedThisYear = Math.max(0, (now.get(row.area.code) ?? 0) - (before.get(row.area.code) ?? 0));
    const projection = (soFar: number, target: number | null) =>
      projectToYearEnd({ soFar, elapsedDays: elapsed, remainingDays: remaining, target });
    return {
      area: row.area,
      designations: projection(row.inauguratedInTargetYears, row.target),
      membersTrained: projection(trainedThisYear, targets.get(row.area.code) ?? null),
    };
  });
}
