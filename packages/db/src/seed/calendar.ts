// Dates as whole UTC days, which keeps the generator's arithmetic simple and free of time zones.
const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A timestamp on `day` at a fractional time of day, Western Indonesia time office hours (UTC+7). */
export function isoTimestamp(day: number, fractionOfDay: number): string {
  // 08:00-17:00 WIB is 01:00-10:00 UTC.
  const ms = day * MS_PER_DAY + (1 + fractionOfDay * 9) * 3_600_000;
  return new Date(Math.floor(ms)).toISOString();
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** First day of each month from the month containing `fromDay` to the month containing `toDay`. */
export function monthStarts(fromDay: number, toDay: number): number[] {
  const starts: number[] = [];
  const from = new Date(fromDay * MS_PER_DAY);
  let year = from.getUTCFullYear();
  let month = from.getUTCMonth();
  for (;;) {
    const start = Date.UTC(year, month, 1) / MS_PER_DAY;
    if (start > toDay) break;
    starts.push(start);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return starts;
}

export function daysInMonth(monthStart: number): number {
  const date = new Date(monthStart * MS_PER_DAY);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}
