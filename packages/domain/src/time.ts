// Indonesia's three time zones. National figures count days and months in WIB, as the offices do; a
// village's own dates (a report's day, "today" for a task force) are in its province's zone.
import { provinceOfCode } from './areas.js';

export const timeZones = {
  /** Waktu Indonesia Barat, UTC+7: Sumatra, Java, West and Central Kalimantan. */
  WIB: 'Asia/Jakarta',
  /** Waktu Indonesia Tengah, UTC+8: Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi. */
  WITA: 'Asia/Makassar',
  /** Waktu Indonesia Timur, UTC+9: Maluku and Papua. */
  WIT: 'Asia/Jayapura',
} as const;
export type IndonesianTimeZone = keyof typeof timeZones;

/** National figures' zone: days and months are counted in WIB. */
export const REPORTING_TIME_ZONE = timeZones.WIB;

const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** The zone of a province, or of any area inside it (by its Kemendagri code). */
export function timeZoneOfArea(code: string): IndonesianTimeZone {
  const province = provinceOfCode(code);
  if (WIT_PROVINCES.has(province)) return 'WIT';
  if (WITA_PROVINCES.has(province)) return 'WITA';
  return 'WIB';
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (4 % of the API's busy thread
// under the bench's mixed workload, when each call built its own), so one is kept per zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) at `now` in an IANA zone. */
export function dateIn(timeZone: string, now = new Date()): string {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone })));
  return format.format(now);
}

/** Today's date for national figures (WIB). */
export const todayInIndonesia = (now = new Date()): string => dateIn(REPORTING_TIME_ZONE, now);

/** Today's date where an area is (its own zone), e.g. for a village's report. */
export const todayInArea = (code: string, now = new Date()): string => dateIn(timeZones[timeZoneOfArea(code)], now);

/** The offsets of the zones (none has daylight saving time). */
const utcOffsetHours: Record<IndonesianTimeZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** A point in time as ISO 8601 with the zone's offset, e.g. `2026-12-05T06:30:00.000+07:00` for WIB. */
export function isoInZone(at: Date, zone: IndonesianTimeZone = 'WIB'): string {
  const hours = utcOffsetHours[zone];
  return new Date(at.getTime() + hours * 3_600_000).toISOString().replace('Z', `+${String(hours).padStart(2, '0')}:00`);
}

/** Calendar days from one date to another (`YYYY-MM-DD`), e.g. 1 from the 4th to the 5th. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date (`YYYY-MM-DD`) of a point in time where an area is (its own zone). */
export const dateInArea = (code: string, at: Date): string => dateIn(timeZones[timeZoneOfArea(code)], at);
