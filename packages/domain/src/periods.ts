// Periods of days (`YYYY-MM-DD`, both ends included): this month so far, the period to compare with, and
// how a period splits into whole months and days for the rollups.
import { todayInIndonesia } from './time.js';

const DAY = 86_400_000;

export interface DateRange {
  from: string;
  to: string;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

export const addDays = (date: string, days: number): string => iso(ms(date) + days * DAY);

/** The Monday of the ISO week a day is in (weeks for the early-warning signals start on Monday). */
export const weekStartOf = (date: string): string => addDays(date, -((new Date(ms(date)).getUTCDay() + 6) % 7));

/** The month after `YYYY-MM`, as `YYYY-MM`. */
export const nextMonth = (month: string): string => addDays(`${month}-28`, 7).slice(0, 7);

/** The last day of a month `YYYY-MM`, as `YYYY-MM-DD`. */
export const lastDayOfMonth = (month: string): string => addDays(`${nextMonth(month)}-01`, -1);

export function currentMonthToDate(now = new Date()): DateRange {
  const today = todayInIndonesia(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/**
 * The period to compare with. A period starting on the 1st of a month is shifted back by the number of
 * months it spans: this month so far compares with the same days of last month, a quarter with the
 * previous quarter, a year with the previous year. Any other period compares with the period of the same
 * length just before it.
 */
export function previousPeriod({ from, to }: DateRange): DateRange {
  if (from.endsWith('-01')) {
    const start = new Date(ms(from));
    const end = new Date(ms(to));
    const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
    const shift = (date: Date) => {
      const lastDayOfTargetMonth = new Date(
        Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months + 1, 0),
      ).getUTCDate();
      return iso(
        Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, Math.min(date.getUTCDate(), lastDayOfTargetMonth)),
      );
    };
    return { from: shift(start), to: shift(end) };
  }
  const days = Math.round((ms(to) - ms(from)) / DAY);
  const previousTo = ms(from) - DAY;
  return { from: iso(previousTo - days * DAY), to: iso(previousTo) };
}

/** The period cut at today: figures for days to come would be incomplete and skew the comparison. */
export function clipToToday(period: DateRange, now = new Date()): DateRange {
  const today = todayInIndonesia(now);
  return { from: period.from, to: period.to > today ? today : period.to };
}

const firstOfMonthOnOrAfter = (date: string) =>
  date.endsWith('-01') ? date : addDays(`${date.slice(0, 7)}-01`, 32).slice(0, 8) + '01';

export interface PeriodSlices {
  /** Whole months [from, to) read from month rows; null bounds are open. Absent when no whole month fits. */
  months: { from: string | null; to: string | null } | null;
  /** Days (inclusive) read from day rows: the partial months at either end. */
  days: { from: string | null; to: string | null }[];
}

/**
 * Splits a period of days into whole months and the days left over at either end, so that a year is
 * twelve month rows per group and "this month so far" is at most a month of day rows.
 */
export function slicePeriod(from: string | null | undefined, to: string | null | undefined): PeriodSlices {
  const monthsFrom = from ? firstOfMonthOnOrAfter(from) : null;
  // Months end before the 1st of the month that holds the day after `to`.
  const monthsTo = to ? `${addDays(to, 1).slice(0, 7)}-01` : null;
  if (monthsFrom && monthsTo && monthsFrom >= monthsTo)
    return { months: null, days: [{ from: from ?? null, to: to ?? null }] };
  const days: PeriodSlices['days'] = [];
  if (from && monthsFrom && from < monthsFrom) days.push({ from, to: addDays(monthsFrom, -1) });
  if (to && monthsTo && monthsTo <= to) days.push({ from: monthsTo, to });
  return { months: { from: monthsFrom, to: monthsTo }, days };
}
