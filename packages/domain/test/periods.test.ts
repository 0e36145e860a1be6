import { describe, expect, it } from 'vitest';
import { clipToToday, currentMonthToDate, previousPeriod, slicePeriod, todayInIndonesia } from '../src/index.js';

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
    expect(clipToToday({ from: '2026-01-01', to: '2026-12-31' }, lateEveningUtc)).toEqual({
      from: '2026-01-01',
      to: '2026-11-25',
    });
  });
});

describe('slicing a period for the rollups', () => {
  it('reads whole months from month rows and the partial months at either end from day rows', () => {
    expect(slicePeriod('2026-01-15', '2026-04-10')).toEqual({
      months: { from: '2026-02-01', to: '2026-04-01' },
      days: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
    });
    expect(slicePeriod('2026-01-01', '2026-12-31')).toEqual({
      months: { from: '2026-01-01', to: '2027-01-01' },
      days: [],
    });
  });
  it('reads a period inside one month from day rows only', () => {
    expect(slicePeriod('2026-11-03', '2026-11-24')).toEqual({
      months: null,
      days: [{ from: '2026-11-03', to: '2026-11-24' }],
    });
  });
  it('leaves open ends open', () => {
    expect(slicePeriod(null, '2026-06-30')).toEqual({ months: { from: null, to: '2026-07-01' }, days: [] });
  });
});
