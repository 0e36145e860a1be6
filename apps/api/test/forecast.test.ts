// Forecast to target (issue 17): the projection on constructed series with a known answer, its 80 %
// interval's coverage on simulated years, and the GraphQL figures against the coverage analytics.
import { todayInIndonesia } from '@binaan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectToYearEnd } from '../src/analytics/forecast.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

describe('the projection to 31 December', () => {
  it('projects the rate so far over the rest of the year, with an interval around it', () => {
    // 50 designations in the first 182 days; 183 days to go. Expected still to come: (50 + ½) × 183 / 182.
    const projection = projectToYearEnd({ soFar: 50, elapsedDays: 182, remainingDays: 183, target: 90 });
    expect(projection.projected).toBeCloseTo(50 + (50.5 * 183) / 182, 10);
    expect(projection.low).toBeLessThan(projection.projected);
    expect(projection.high).toBeGreaterThan(projection.projected);
    expect(projection.low).toBeGreaterThanOrEqual(50);
    expect(projection.status).toBe('ON_TRACK');
    expect(projection.chanceOfTarget).toBeGreaterThan(0.8);
    expect(projectToYearEnd({ soFar: 50, elapsedDays: 182, remainingDays: 183, target: 101 }).status).toBe('AT_RISK');
    expect(projectToYearEnd({ soFar: 50, elapsedDays: 182, remainingDays: 183, target: 140 }).status).toBe('OFF_TRACK');
    // A target already reached is certain.
    expect(projectToYearEnd({ soFar: 50, elapsedDays: 182, remainingDays: 183, target: 40 }).chanceOfTarget).toBe(1);
    // No target: no status.
    expect(projectToYearEnd({ soFar: 50, elapsedDays: 182, remainingDays: 183, target: null }).status).toBeNull();
  });

  it('holds a finished year at its count, and counts from nothing without inventing much', () => {
    expect(projectToYearEnd({ soFar: 12, elapsedDays: 365, remainingDays: 0, target: 15 })).toMatchObject({
      projected: 12,
      low: 12,
      high: 12,
      chanceOfTarget: 0,
      status: 'OFF_TRACK',
    });
    const none = projectToYearEnd({ soFar: 0, elapsedDays: 300, remainingDays: 65, target: 5 });
    expect(none.projected).toBeLessThan(1);
    expect(none.status).toBe('OFF_TRACK');
  });

  it('gives no chance or status until 31 January, when the days so far say too little', () => {
    // 3 January: nothing yet (the rate alone would say off track) or ten already (on track, 1,277).
    for (const soFar of [0, 10]) {
      const early = projectToYearEnd({ soFar, elapsedDays: 3, remainingDays: 362, target: 270 });
      expect(early).toMatchObject({ tooEarly: true, chanceOfTarget: null, status: null });
      expect(early.low).toBeLessThanOrEqual(early.high);
    }
    expect(projectToYearEnd({ soFar: 30, elapsedDays: 31, remainingDays: 334, target: 270 })).toMatchObject({
      tooEarly: true,
      status: null,
    });
    // From 1 February the status is given.
    expect(projectToYearEnd({ soFar: 30, elapsedDays: 32, remainingDays: 333, target: 270 })).toMatchObject({
      tooEarly: false,
      status: 'ON_TRACK',
    });
    expect(projectToYearEnd({ soFar: 12, elapsedDays: 365, remainingDays: 0, target: 15 }).tooEarly).toBe(false);
  });

  it('works for large counts (no underflow)', () => {
    const large = projectToYearEnd({ soFar: 20_000, elapsedDays: 200, remainingDays: 165, target: 36_000 });
    expect(large.projected).toBeCloseTo(20_000 + (20_000.5 * 165) / 200, 6);
    expect(large.high - large.low).toBeGreaterThan(100);
    expect(large.chanceOfTarget).toBeGreaterThan(0.2);
  });

  it('covers the real year-end count about 80 % of the time on simulated years', () => {
    // Deterministic: each year has its own daily rate; the first part of the year is observed.
    let state = 7;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const poisson = (mean: number) => {
      // Knuth's method in chunks keeps exp(−mean) away from underflow.
      let k = 0;
      for (let left = mean; left > 0; left -= 30) {
        const part = Math.min(30, left);
        const limit = Math.exp(-part);
        for (let p = random(); p > limit; p *= random()) k += 1;
      }
      return k;
    };
    let covered = 0;
    const years = 2_000;
    for (let year = 0; year < years; year += 1) {
      const rate = 0.02 + random() * 0.5;
      const elapsed = 60 + Math.floor(random() * 240);
      const soFar = poisson(rate * elapsed);
      const final = soFar + poisson(rate * (365 - elapsed));
      const projection = projectToYearEnd({ soFar, elapsedDays: elapsed, remainingDays: 365 - elapsed, target: null });
      if (final >= projection.low && final <= projection.high) covered += 1;
    }
    // An 80 % interval of a discrete count covers at least 80 %; not wildly more.
    expect(covered / years).toBeGreaterThan(0.78);
    expect(covered / years).toBeLessThan(0.92);
  });
});

describe('forecastToTarget over GraphQL', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('starts from the same designations as the coverage page, per kabupaten/kota, in the caller’s area', async () => {
    const today = todayInIndonesia();
    const year = Number(today.slice(0, 4));
    const forecast = await api.graphql(
      `query($year: Int!) { forecastToTarget(groupBy: REGENCY, year: $year, filter: { area: { provinceCodes: ["53"] } }) {
        area { code } designations { soFar projected low high target status } membersTrained { soFar projected low high target status } } }`,
      { year },
      'kanwil',
    );
    const coverage = await api.graphql(
      `query($from: Date!, $to: Date!) { coverage(groupBy: REGENCY, filter: { area: { provinceCodes: ["53"] }, period: { from: $from, to: $to } }) {
        rows { area { code } target targetAttainment { numerator } } } }`,
      { from: `${year}-01-01`, to: today },
      'kanwil',
    );
    const rows = forecast.data!.forecastToTarget as {
      area: { code: string };
      designations: { soFar: number; projected: number; low: number; high: number; target: number | null };
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const covered = coverage.data!.coverage.rows.find(
        (candidate: { area: { code: string } }) => candidate.area.code === row.area.code,
      );
      expect(row.designations.soFar, row.area.code).toBe(covered.targetAttainment?.numerator ?? row.designations.soFar);
      expect(row.designations.target).toBe(covered.target);
      expect(row.designations.low).toBeLessThanOrEqual(row.designations.high);
      expect(row.designations.projected).toBeGreaterThanOrEqual(row.designations.soFar);
    }
    // Kanwil NTT reads province 53 only: asking for Kalimantan Selatan gives nothing of it.
    const outside = await api.graphql(
      `{ forecastToTarget(groupBy: REGENCY, filter: { area: { provinceCodes: ["63"] } }) { area { code } designations { soFar } } }`,
      {},
      'kanwil',
    );
    expect(
      (outside.data!.forecastToTarget as { area: { code: string }; designations: { soFar: number } }[]).every(
        (row) => !row.area.code.startsWith('63') || row.designations.soFar === 0,
      ),
    ).toBe(true);
  });
});
