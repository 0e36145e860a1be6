// The overview: the dashboard's headline figures for a period (default: this month so far), each with the
// value for the period before it.
import type { SqlExecutor } from '@binaan/db';
import { coverageByArea, sumCoverage } from './coverage.js';
import type { AnalyticsFilter } from './filter.js';
import { clipToToday, currentMonthToDate, type DateRange, previousPeriod } from '@binaan/domain';
import { reportStats } from './reports.js';
import { completenessOverDays } from './completeness.js';
import { sumTraining, trainingCompletion } from './training.js';
import { oneStatementPerTurn } from './sql.js';

interface Ratio {
  numerator: number;
  denominator: number;
}
const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

async function headlineFigures(sql: SqlExecutor, filter: AnalyticsFilter, period: DateRange) {
  const scoped = { ...filter, from: `${period.to.slice(0, 4)}-01-01`, to: period.to };
  const [coverage, [reports], completeness, training] = await Promise.all([
    coverageByArea(sql, 'PROVINCE', scoped),
    reportStats(sql, [], { ...filter, from: period.from, to: period.to }),
    // Over the period's days, as the previous period's: like with like whatever the period.
    completenessOverDays(sql, null, filter, period),
    // The headline needs members and those fully trained, not each module.
    trainingCompletion(sql, 'PROVINCE', { ...filter, from: null, to: period.to }, false),
  ]);
  const totalCoverage = sumCoverage(coverage);
  const totalTraining = sumTraining(training);
  const [overDays] = completeness;
  return {
    designated: totalCoverage.designatedVillages,
    coverage: ratio(totalCoverage.designatedVillages, totalCoverage.villages),
    attainment:
      totalCoverage.target === null ? null : ratio(totalCoverage.inauguratedInTargetYears, totalCoverage.target),
    reports: reports?.reports ?? 0,
    completeness: ratio(overDays?.reporting ?? 0, overDays?.designated ?? 0),
    trained: ratio(totalTraining.completedAll, totalTraining.members),
  };
}

/**
 * The figures for the filter's period (clipped at today) and for the period before it, side by side: the
 * eight statements behind them sent to the database as one.
 */
export async function overviewFigures(db: SqlExecutor, filter: AnalyticsFilter, now: Date) {
  // One plan kept for the combined statement: on the national dataset it ran in 10-11 ms instead of 17
  // (planning it took 4 ms), and on PGlite, where planning is dearer, the overview went from 78 to 186
  // requests a second (bench/README.md, 6 December).
  const sql = oneStatementPerTurn(db, { reusePlan: true });
  const thisMonth = currentMonthToDate(now);
  const to = filter.to ?? thisMonth.to;
  const current = clipToToday({ from: filter.from ?? `${to.slice(0, 7)}-01`, to }, now);
  const before = previousPeriod(current);
  const [then, prior] = await Promise.all([
    headlineFigures(sql, filter, current),
    headlineFigures(sql, filter, before),
  ]);
  return {
    period: current,
    previousPeriod: before,
    designatedVillages: { current: then.designated, previous: prior.designated },
    coverage: { current: then.coverage, previous: prior.coverage },
    targetAttainment:
      then.attainment && prior.attainment ? { current: then.attainment, previous: prior.attainment } : null,
    reports: { current: then.reports, previous: prior.reports },
    reportingCompleteness: { current: then.completeness, previous: prior.completeness },
    membersFullyTrained: { current: then.trained, previous: prior.trained },
  };
}
