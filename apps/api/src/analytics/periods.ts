// Periods for the overview: the one asked for (default: this month so far) and the one to compare with.
import { REPORTING_TIME_ZONE } from './filter.js';

const DAY = 86_400_000;

export interface DateRange {
  from: string;
  to: string;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Today's date where the programme works (WIB). */
export function todayInIndonesia(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: REPORTING_TIME_ZONE }).format(now);
}

export function currentMonthToDate(now = new Date()): DateRange {
  const today = todayInIndonesia(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/**
 * The period to compare with: for a period starting on the 1st of a month, the same days of the previous
 * month (so that "this month so far" compares with the same stretch of last month); otherwise the period
 * of the same length just before.
 */
export function previousPeriod({ from, to }: DateRange): DateRange {
  const days = Math.round((ms(to) - ms(from)) / DAY);
  if (from.endsWith('-01')) {
    const start = new Date(ms(from));
    const previousStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1);
    const previousMonthEnd = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 0);
    return { from: iso(previousStart), to: iso(Math.min(previousStart + days * DAY, previousMonthEnd)) };
  }
  const previousTo = ms(from) - DAY;
  return { from: iso(previousTo - days * DAY), to: iso(previousTo) };
}
