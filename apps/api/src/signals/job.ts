// Computes the early-warning signals from the daily rollups: weekly counts per kabupaten/kota and report
// type (weeks start on Monday, days counted in WIB as every national figure), each assessed against its
// own history (detector.ts). Signals are upserted: a recomputed week updates its figures and keeps its
// review. Several API processes may run the schedule: a transaction-scoped advisory lock lets one of
// them compute and the others skip.
import { addDays, type ReportType, reportTypes, todayInIndonesia, weekStartOf } from '@binaan/domain';
import type { Database } from '@binaan/db';
import { assessWeek, DETECTOR, type DetectorSettings, detectorMethod } from './detector.js';

/** The advisory lock's key (any constant no other part of Binaan uses). */
const SIGNALS_LOCK = 727_001;
/** Weeks the very first computation assesses. */
export const FIRST_RUN_WEEKS = 12;
/** History read for a baseline: a year and the seasonal window, plus the weeks assessed. */
const HISTORY_WEEKS = 52 + 4;

export interface SignalRunSummary {
  /** False when another process held the lock: it is computing now. */
  ran: boolean;
  runId: number | null;
  /** Mondays of the weeks assessed, newest first. */
  weeks: string[];
  /** Area × type series assessed. */
  series: number;
  /** Signals found (new or updated). */
  signals: number;
}

export interface ComputeSignalsOptions {
  /** `schedule`, or who asked (`user:12`). */
  trigger: string;
  /**
   * How many weeks to assess, this week so far included; default 2 (this week and last), or
   * FIRST_RUN_WEEKS when signals were never computed (a new installation sees its recent weeks).
   */
  weeks?: number;
  /** Today in WIB (tests pin it). */
  today?: string;
  settings?: DetectorSettings;
}

interface WeekCount {
  regency_id: number;
  type: ReportType;
  week_start: string;
  reports: number;
}

export async function computeSignals(db: Database, options: ComputeSignalsOptions): Promise<SignalRunSummary> {
  const settings = options.settings ?? DETECTOR;
  const thisWeek = weekStartOf(options.today ?? todayInIndonesia());
  return db.sql.transaction(async (tx) => {
    const [lock] = await tx.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${SIGNALS_LOCK}) AS locked`);
    if (!lock?.locked) return { ran: false, runId: null, weeks: [], series: 0, signals: 0 };
    const [previous] = await tx.query<{ runs: number }>('SELECT COUNT(*)::int AS runs FROM signal_run');
    const weeks = options.weeks ?? (previous?.runs ? 2 : FIRST_RUN_WEEKS);
    const assessed = Array.from({ length: weeks }, (_, index) => addDays(thisWeek, -7 * index));
    const from = addDays(assessed[assessed.length - 1]!, -7 * HISTORY_WEEKS);
    const counts = await tx.query<WeekCount>(
      `SELECT area_id AS regency_id, type::text AS type, to_char(date_trunc('week', period_start), 'YYYY-MM-DD') AS week_start,
              SUM(reports)::int AS reports
         FROM report_rollup
        WHERE grain = 'D' AND area_level = 'R' AND period_start >= $1::date AND period_start < $2::date
        GROUP BY 1, 2, 3`,
      [from, addDays(thisWeek, 7)],
    );
    // Each area's series starts the week it first reported: weeks before the programme reached it are
    // not zeros of its history.
    const areas = await tx.query<{ regency_id: number; province_id: number; first_day: string }>(
      `SELECT r.area_id AS regency_id, g.province_id, to_char(MIN(r.period_start), 'YYYY-MM-DD') AS first_day
         FROM report_rollup r JOIN regency g ON g.id = r.area_id
        WHERE r.grain = 'D' AND r.area_level = 'R' AND r.reports > 0 AND r.period_start < $1::date
        GROUP BY r.area_id, g.province_id`,
      [addDays(thisWeek, 7)],
    );
    const byKey = new Map(counts.map((row) => [`${row.regency_id}|${row.type}|${row.week_start}`, row.reports]));
    const found: {
      regencyId: number;
      provinceId: number;
      type: ReportType;
      week: string;
      assessment: NonNullable<ReturnType<typeof assessWeek>>;
    }[] = [];
    let series = 0;
    for (const area of areas) {
      const start = [weekStartOf(area.first_day), weekStartOf(from)].sort().at(-1)!;
      const weeks: string[] = [];
      for (let week = start; week <= thisWeek; week = addDays(week, 7)) weeks.push(week);
      for (const type of reportTypes) {
        series += 1;
        const counts = weeks.map((week) => byKey.get(`${area.regency_id}|${type}|${week}`) ?? 0);
        for (const week of assessed) {
          const t = weeks.indexOf(week);
          if (t < 0) continue;
          const assessment = assessWeek(counts, t, settings);
          if (assessment?.signal) {
            found.push({ regencyId: area.regency_id, provinceId: area.province_id, type, week, assessment });
          }
        }
      }
    }
    if (found.length > 0) {
      await tx.query(
        `INSERT INTO signal (regency_id, province_id, type, week_start, observed, expected, threshold, score, method)
         SELECT u.regency_id, u.province_id, u.type::report_type, u.week_start, u.observed, u.expected, u.threshold, u.score, $9
           FROM unnest($1::int[], $2::int[], $3::text[], $4::date[], $5::int[], $6::float8[], $7::float8[], $8::float8[])
             AS u(regency_id, province_id, type, week_start, observed, expected, threshold, score)
         ON CONFLICT (regency_id, type, week_start) DO UPDATE
           SET observed = EXCLUDED.observed, expected = EXCLUDED.expected, threshold = EXCLUDED.threshold,
               score = EXCLUDED.score, method = EXCLUDED.method, computed_at = now()`,
        [
          found.map((row) => row.regencyId),
          found.map((row) => row.provinceId),
          found.map((row) => row.type),
          found.map((row) => row.week),
          found.map((row) => row.assessment.observed),
          found.map((row) => row.assessment.expected),
          found.map((row) => row.assessment.threshold),
          found.map((row) => row.assessment.score),
          detectorMethod(settings),
        ],
      );
    }
    const [run] = await tx.query<{ id: number }>(
      `INSERT INTO signal_run (trigger, weeks, series, signals, finished_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
      [options.trigger, assessed.length, series, found.length],
    );
    return { ran: true, runId: run!.id, weeks: assessed, series, signals: found.length };
  });
}
