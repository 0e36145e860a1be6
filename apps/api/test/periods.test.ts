import { describe, expect, it } from 'vitest';
import { clipToToday, currentMonthToDate, previousPeriod, todayInIndonesia } from '../src/analytics/periods.js';

describe('overview periods', () => {
  it('compares this month so far with the same days of last month', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-24' })).toEqual({ from: '2026-10-01', to: '2026-10-24' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
  it('compares a quarter with the previous quarter and a year with the previous year', () => {
    expect(previousPeriod({ from: '2026-07-01', to: '2026-09-30' })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2024-01-01', to: '2024-02-29' })).toEqual({ from: '2023-11-01', to: '2023-12-29' });
  });
  it('compares any other range with the same number of days just before', () => {
    expect(previousPeriod({ from: '2026-05-10', to: '2026-05-19' })).toEqual({ from: '2026-04-30', to: '2026-05-09' });
  });
  it('counts days in WIB and cuts periods at today', () => {
    const lateEveningUtc = new Date('2026-11-24T20:00:00Z');
    expect(todayInIndonesia(lateEveningUtc)).toBe('2026-11-25');
    expect(currentMonthToDate(lateEveningUtc)).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(clipToToday({ from: '2026-01-01', to: '2026-12-31' }, lateEveningUtc)).toEqual({ from: '2026-01-01', to: '2026-11-25' });
  });
});

describe('record filters count days in WIB, like the analytics', () => {
  it('starts and ends a period at midnight WIB', async () => {
    const { periodTimestampWhere } = await import('../src/schema/filters.js');
    const where = periodTimestampWhere({ from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-31T00:00:00Z') });
    expect(where).toEqual({ gte: new Date('2025-02-28T17:00:00Z'), lt: new Date('2025-03-31T17:00:00Z') });
  });
});
