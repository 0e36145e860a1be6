// Early-warning signals (issue 17): the detector on constructed series (a spike is found, a flat or
// too-short series is not, two reports where there were none are not), the job on the seeded database
// (a spike injected into one kabupaten/kota's reports becomes the one new signal), and the review's
// lifecycle and access rules through GraphQL.
import { addDays, weekStartOf } from '@binaan/domain';
import { testDatabaseKind } from '@binaan/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessWeek, baselineWeeks, DETECTOR } from '../src/signals/detector.js';
import { computeSignals } from '../src/signals/job.js';
import { ERROR_FIELDS, expectRefused } from './support/mutation-checks.js';
import { createSeededApi, SEED_TODAY, type SeededApi } from './support/seeded-api.js';

describe('the detector', () => {
  const flat = (weeks: number, value: number) => Array.from({ length: weeks }, () => value);

  it('finds a week well above a steady history, and not a steady week', () => {
    const series = [...flat(40, 4), 4];
    expect(assessWeek(series, 40)).toMatchObject({ observed: 4, expected: 4, signal: false });
    const spiked = [...flat(40, 4), 14];
    const assessment = assessWeek(spiked, 40)!;
    expect(assessment.signal).toBe(true);
    expect(assessment.expected).toBe(4);
    expect(assessment.threshold).toBeGreaterThan(4);
    expect(assessment.threshold).toBeLessThan(14);
    expect(assessment.score).toBeGreaterThan(1);
  });

  it('skips the guard weeks, so a spike that goes on does not hide itself', () => {
    const series = [...flat(40, 2), 12, 12, 12];
    expect(baselineWeeks(42)).not.toContain(40);
    expect(baselineWeeks(42)).not.toContain(41);
    expect(assessWeek(series, 42)!.expected).toBe(2);
    expect(assessWeek(series, 42)!.signal).toBe(true);
  });

  it('stays quiet on small counts and without enough history', () => {
    // Two reports where there were none: improbable, but not a signal for a village programme.
    expect(assessWeek([...flat(30, 0), 2], 30)).toMatchObject({ signal: false });
    expect(assessWeek([...flat(30, 0), DETECTOR.minCount], 30)).toMatchObject({ signal: true });
    // A new area: fewer baseline weeks than minHistory.
    expect(assessWeek(flat(9, 1), 8)).toBeNull();
  });

  it("takes last year's same season into the baseline: a season busy last year is expected busier", () => {
    const quiet = flat(60, 2);
    const busyLastYear = flat(60, 2);
    for (let week = 60 - 52 - 3; week <= 60 - 52 + 3; week += 1) busyLastYear[week] = 8;
    const withoutSeason = assessWeek([...quiet, 9], 60)!;
    const withSeason = assessWeek([...busyLastYear, 9], 60)!;
    expect(withSeason.expected).toBeGreaterThan(withoutSeason.expected);
    expect(withSeason.threshold).toBeGreaterThan(withoutSeason.threshold);
    expect(withoutSeason.signal).toBe(true);
    expect(withSeason.signal).toBe(false);
  });

  it('widens the threshold for counts more variable than Poisson', () => {
    const steady = [...flat(40, 5), 12];
    const variable = [...Array.from({ length: 40 }, (_, week) => (week % 2 ? 1 : 9)), 12];
    expect(assessWeek(variable, 40)!.threshold).toBeGreaterThan(assessWeek(steady, 40)!.threshold);
  });
});

describe('the signals job and their review', () => {
  let api: SeededApi;
  const thisWeek = weekStartOf(SEED_TODAY);

  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  const signalRows = () =>
    api.db.sql.query<{ key: string; status: string }>(
      `SELECT g.code || '|' || s.type || '|' || to_char(s.week_start, 'YYYY-MM-DD') AS key, s.status::text AS status
         FROM signal s JOIN regency g ON g.id = s.regency_id ORDER BY 1`,
    );

  /** `count` REFUGEES reports in Kotabaru (63.02) on the seed's last day, as a village would submit them. */
  async function injectSpike(count: number) {
    await api.db.sql.query(
      `INSERT INTO village_report (submitter, source, client_reference, village_id, regency_id, province_id, type,
              occurred_on, submitted_at, people_involved, description, status, status_changed_at)
       SELECT 'test', 'test:spike', 'spike-' || n, v.id, v.regency_id, v.province_id, 'REFUGEES',
              $2::date, ($2::date + time '10:00') AT TIME ZONE 'Asia/Jakarta', 3,
              'Rombongan pengungsi tiba di pantai.', 'SUBMITTED', now()
         FROM generate_series(1, $1::int) n,
              (SELECT id, regency_id, province_id FROM village WHERE code LIKE '63.02.%' ORDER BY code LIMIT 1) v`,
      [count, SEED_TODAY],
    );
  }

  it('turns a spike injected into one kabupaten/kota into exactly one new signal, with its figures', async () => {
    const first = await computeSignals(api.db, { trigger: 'test', weeks: 2, today: SEED_TODAY });
    expect(first).toMatchObject({ ran: true, weeks: [thisWeek, addDays(thisWeek, -7)] });
    expect(first.series).toBeGreaterThan(0);
    const before = await signalRows();

    await injectSpike(15);
    const second = await computeSignals(api.db, { trigger: 'test', weeks: 2, today: SEED_TODAY });
    const after = await signalRows();
    const added = after.filter((row) => !before.some((old) => old.key === row.key));
    expect(added.map((row) => row.key)).toEqual([`63.02|REFUGEES|${thisWeek}`]);
    expect(second.signals).toBe(first.signals + 1);

    const listed = await api.graphql(
      `{ signals(filter: { area: { regencyCodes: ["63.02"] }, types: [REFUGEES] }) { id weekStart observed expected threshold score status version regency { code } province { code } } }`,
      {},
      'kanim',
    );
    const [signal] = listed.data!.signals;
    expect(signal).toMatchObject({ weekStart: thisWeek, status: 'NEW', version: 1, regency: { code: '63.02' } });
    expect(signal.observed).toBeGreaterThanOrEqual(15);
    expect(signal.observed).toBeGreaterThan(signal.threshold);
    expect(signal.threshold).toBeGreaterThan(signal.expected);
    expect(signal.score).toBeGreaterThan(1);

    // Recomputing keeps one row per area, type and week, with the same review.
    await computeSignals(api.db, { trigger: 'test', weeks: 2, today: SEED_TODAY });
    expect(await signalRows()).toEqual(after);
  });

  const REVIEW = `mutation($input: ReviewSignalInput!) { reviewSignal(input: $input) {
    ${ERROR_FIELDS} ... on SignalChangedError { path } ... on MutationReviewSignalSuccess { data { status note version } } } }`;
  const kotabaruSignal = async () =>
    (
      await api.graphql(
        `{ signals(filter: { area: { regencyCodes: ["63.02"] }, types: [REFUGEES] }) { id version status } }`,
        {},
        'national',
      )
    ).data!.signals[0] as { id: string; version: number; status: string };

  it('is seen only by those who may read the area, and reviewed only by them', async () => {
    const { id } = await kotabaruSignal();
    // Kanwil NTT reads province 53 only: the Kotabaru signal is not in its list, nor found by id.
    const kanwil = await api.graphql(`{ signals(first: 200) { regency { province { code } } } }`, {}, 'kanwil');
    expect(
      kanwil.data!.signals.every(
        (row: { regency: { province: { code: string } } }) => row.regency.province.code === '53',
      ),
    ).toBe(true);
    expect((await api.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id }, 'kanwil')).data!.node).toBeNull();
    const analyst = await api.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id }, 'analyst');
    expect(analyst.data!.node).toEqual({ id });
    expect((await api.graphql(`{ signals { id } }`, {}, 'anonymous')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    const step = { signalId: id, toStatus: 'ACKNOWLEDGED', expectedVersion: 1 };
    await expectRefused(
      api,
      REVIEW,
      'reviewSignal',
      { input: step },
      'ForbiddenError',
      ['input', 'signalId'],
      'kanwil',
    );
    await expectRefused(api, REVIEW, 'reviewSignal', { input: step }, 'ForbiddenError', undefined, 'analyst');
  });

  it('counts signals per area as the list has them, within the caller’s area', async () => {
    const COUNTS = `query($groupBy: RegionLevel) { signalCounts(groupBy: $groupBy, filter: { statuses: [NEW, ACKNOWLEDGED, ESCALATED] }) {
      area { level code } signals } }`;
    const listed = (
      await api.graphql(
        `{ signals(first: 200, filter: { statuses: [NEW, ACKNOWLEDGED, ESCALATED] }) { regency { code province { code } } } }`,
        {},
        'national',
      )
    ).data!.signals as { regency: { code: string; province: { code: string } } }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(200);
    const tally = (codes: string[]) =>
      Object.entries(
        codes.reduce<Record<string, number>>((counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }), {}),
      )
        .map(([code, signals]) => ({ code, signals }))
        .sort((a, b) => a.code.localeCompare(b.code));
    const counted = async (groupBy: string, caller: 'national' | 'kanwil') =>
      ((await api.graphql(COUNTS, { groupBy }, caller)).data!.signalCounts as Record<string, any>[]).map((row) => ({
        code: row.area.code,
        signals: row.signals,
        level: row.area.level,
      }));

    const regencies = await counted('REGENCY', 'national');
    expect(regencies.every((row) => row.level === 'REGENCY')).toBe(true);
    expect(regencies.map(({ code, signals }) => ({ code, signals }))).toEqual(
      tally(listed.map((row) => row.regency.code)),
    );
    expect((await counted('PROVINCE', 'national')).map(({ code, signals }) => ({ code, signals }))).toEqual(
      tally(listed.map((row) => row.regency.province.code)),
    );
    // Kanwil NTT counts province 53 only: Kotabaru's signal (63) is not there.
    expect((await counted('PROVINCE', 'kanwil')).map(({ code, signals }) => ({ code, signals }))).toEqual(
      tally(listed.filter((row) => row.regency.province.code === '53').map((row) => row.regency.province.code)),
    );
  });

  it('moves new → acknowledged → dismissed with a note, refusing skipped steps, stale versions and no note', async () => {
    const { id } = await kotabaruSignal();
    await expectRefused(
      api,
      REVIEW,
      'reviewSignal',
      { input: { signalId: id, toStatus: 'ESCALATED', note: 'Langsung naik.', expectedVersion: 1 } },
      'ConflictError',
      ['input', 'toStatus'],
    );
    const acknowledged = await api.graphql(
      REVIEW,
      { input: { signalId: id, toStatus: 'ACKNOWLEDGED', expectedVersion: 1 } },
      'kanim',
    );
    expect(acknowledged.data!.reviewSignal.data).toEqual({ status: 'ACKNOWLEDGED', note: null, version: 2 });
    await expectRefused(
      api,
      REVIEW,
      'reviewSignal',
      { input: { signalId: id, toStatus: 'DISMISSED', note: 'Sudah dicek.', expectedVersion: 1 } },
      'SignalChangedError',
      ['input', 'expectedVersion'],
    );
    await expectRefused(
      api,
      REVIEW,
      'reviewSignal',
      { input: { signalId: id, toStatus: 'DISMISSED', expectedVersion: 2 } },
      'InputValidationError',
      ['input', 'note'],
    );
    const note = 'Satu rombongan yang sama dilaporkan oleh banyak warga; sudah ditangani.';
    const dismissed = await api.graphql(
      REVIEW,
      { input: { signalId: id, toStatus: 'DISMISSED', note, expectedVersion: 2 } },
      'kanim',
    );
    expect(dismissed.data!.reviewSignal.data).toEqual({ status: 'DISMISSED', note, version: 3 });
    const [audited] = await api.db.sql.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM audit_log WHERE action = 'reviewSignal' AND entity_id = $1`,
      [String(Buffer.from(id, 'base64').toString().split(':')[1])],
    );
    expect(audited!.n).toBe(2);
    // A recomputation keeps the review.
    await computeSignals(api.db, { trigger: 'test', weeks: 2, today: SEED_TODAY });
    expect((await kotabaruSignal()).status).toBe('DISMISSED');
  });

  it('computes on demand for national leadership only', async () => {
    const COMPUTE = `mutation { computeSignals(input: { weeks: 1 }) { ${ERROR_FIELDS} ... on MutationComputeSignalsSuccess { data { ran weeks series } } } }`;
    await expectRefused(api, COMPUTE, 'computeSignals', {}, 'ForbiddenError', undefined, 'kanim');
    const computed = await api.graphql(COMPUTE, {}, 'national');
    expect(computed.data!.computeSignals.data.ran).toBe(true);
    const last = await api.graphql(`{ lastSignalRun { trigger finishedAt } }`, {}, 'kanim');
    expect(last.data!.lastSignalRun.trigger).toMatch(/^user:/);
  });

  it.skipIf(testDatabaseKind !== 'postgres')('lets one process compute while another holds the lock', async () => {
    // Another process computing: it holds the advisory lock in its transaction.
    const held = await api.db.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727001)');
      return computeSignals(api.db, { trigger: 'test', weeks: 1, today: SEED_TODAY });
    });
    expect(held.ran).toBe(false);
  });
});
