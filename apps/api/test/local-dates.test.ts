// A village's own dates are in its own time zone (WIB, WITA or WIT, from its province): "today" for a
// report, a village's day and a report's age. Times are written in WIB with their offset. The clock is set
// (only Date is faked) to moments when the zones disagree about the date.
import { dateInArea, daysBetween, isoInZone, timeZoneOfArea } from '@binaan/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { notAfterTodayIn } from '../src/schema/writes.js';
import { fingerprint } from './support/mutation-checks.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const submit = `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) {
  __typename ... on MutationSubmitVillageReportSuccess { data { report { id submittedAt submittedOn ageDays village { timeZone } } } }
  ... on InputValidationError { issues { path message } } } }`;

describe("a village's own dates", () => {
  let api: SeededApi;
  let village: string; // Kabupaten Tanah Bumbu, Kalimantan Selatan: WITA (UTC+8)
  beforeAll(async () => {
    api = await createSeededApi();
    await api.graphql('{ me { kind } }', {}, 'kanim'); // signs in with the real clock
    const [row] = await api.db.sql.query<{ code: string }>(
      `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' ORDER BY v.code LIMIT 1`,
    );
    village = row!.code;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await api.dispose();
  });

  const report = (clientReference: string, occurredOn: string) => ({
    input: {
      source: 'test:local-dates',
      clientReference,
      villageCode: village,
      type: 'OTHER',
      occurredOn,
      peopleInvolved: 1,
      description: 'Laporan uji tanggal setempat.',
    },
  });

  it("accepts today's date where the village is, though it is still yesterday in UTC", async () => {
    // 16:30 UTC on 4 December: 00:30 on the 5th in Kalimantan Selatan (WITA).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T16:30:00Z') });
    const result = await api.graphql(submit, report('LOCAL-1', '2026-12-05'), 'kanim');
    expect(result.errors).toBeUndefined();
    const stored = result.data!.submitVillageReport.data.report;
    expect(stored).toMatchObject({ submittedOn: '2026-12-05', ageDays: 0, village: { timeZone: 'WITA' } });
    // The same instant, written in WIB: 23:30 on the 4th.
    expect(stored.submittedAt).toMatch(/^2026-12-04T23:30:\d\d\.\d{3}\+07:00$/);
  });

  it('refuses a date after today where the village is, naming its day and zone', async () => {
    // 15:30 UTC: 23:30 on the 4th in WITA, already the 5th in Papua (WIT).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T15:30:00Z') });
    const response = await api.post({ query: submit, variables: report('LOCAL-2', '2026-12-05') }, 'kanim', {
      'accept-language': 'en',
    });
    const result = (await response.json()) as { data: Record<string, unknown> };
    expect(result.data.submitVillageReport).toEqual({
      __typename: 'InputValidationError',
      issues: [
        {
          path: ['input', 'occurredOn'],
          message: 'The date cannot be after today where the village is (2026-12-04, WITA).',
        },
      ],
    });
  });

  // A refusal leaves every table as it was, and the area is judged before the date: a caller learns
  // nothing of a village outside their area from the date check.
  it('writes nothing when it refuses, and says "outside your area" before judging the date', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T15:30:00Z') });
    const before = await fingerprint(api);
    const late = await api.graphql(submit, report('LOCAL-3', '2026-12-05'), 'kanim');
    expect(late.data!.submitVillageReport.__typename).toBe('InputValidationError');
    // A village of Nusa Tenggara Timur (WITA too), outside Kanim Batulicin's working area.
    const [outside] = await api.db.sql.query<{ code: string }>(
      `SELECT v.code FROM village v JOIN province p ON p.id = v.province_id WHERE p.code = '53' ORDER BY v.code LIMIT 1`,
    );
    const elsewhere = report('LOCAL-4', '2026-12-05');
    elsewhere.input.villageCode = outside!.code;
    const refused = await api.graphql(
      `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename
         ... on ForbiddenError { path } } }`,
      elsewhere,
      'kanim',
    );
    expect(refused.data!.submitVillageReport).toEqual({ __typename: 'ForbiddenError', path: ['input', 'villageCode'] });
    // Outside the area with a date that is fine there: refused for the area alone.
    const inTime = report('LOCAL-5', '2026-12-04');
    inTime.input.villageCode = outside!.code;
    const alsoRefused = await api.graphql(
      `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
      inTime,
      'kanim',
    );
    expect(alsoRefused.data!.submitVillageReport.__typename).toBe('ForbiddenError');
    expect(await fingerprint(api)).toEqual(before);
  });

  it('counts a report’s age in calendar days of its village', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T16:30:00Z') });
    const sent = await api.graphql(submit, report('LOCAL-3', '2026-12-05'), 'kanim');
    const id = sent.data!.submitVillageReport.data.report.id as string;
    const ageNow = async () =>
      (await api.graphql(`query($id: ID!) { node(id: $id) { ... on VillageReport { ageDays } } }`, { id }, 'kanim'))
        .data!.node.ageDays;
    // 8 hours later (08:30 WITA on the 5th): still day 0.
    vi.setSystemTime(new Date('2026-12-05T00:30:00Z'));
    expect(await ageNow()).toBe(0);
    // 16:30 UTC on the 5th is 00:30 on the 6th in WITA: one calendar day.
    vi.setSystemTime(new Date('2026-12-05T16:30:00Z'));
    expect(await ageNow()).toBe(1);
  });

  it('sets the follow-up deadline in the village’s days, and marks a report due soon, then overdue', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-04T16:30:00Z') }); // 00:30 on the 5th, WITA
    const sent = await api.graphql(submit, report('LOCAL-4', '2026-12-05'), 'kanim');
    const id = sent.data!.submitVillageReport.data.report.id as string;
    // A session lasts 12 hours and the clock moves a week: read with a token, which does not expire.
    const reader = { token: await api.issueToken('kanim', ['RECORDS_READ'], 'KANIM-BATULICIN') };
    const deadline = async () =>
      (
        await api.graphql(
          `query($id: ID!) { node(id: $id) { ... on VillageReport { followUpDueOn followUpUrgency } } }`,
          { id },
          reader,
        )
      ).data!.node;
    // Received on the 5th where the village is (still the 4th in WIB): due 7 days later, on the 12th.
    expect(await deadline()).toEqual({ followUpDueOn: '2026-12-12', followUpUrgency: 'ON_TIME' });
    vi.setSystemTime(new Date('2026-12-09T16:30:00Z')); // the 10th in WITA: 5 days old
    expect((await deadline()).followUpUrgency).toBe('DUE_SOON');
    vi.setSystemTime(new Date('2026-12-12T15:00:00Z')); // 23:00 on the 12th in WITA: the last day
    expect((await deadline()).followUpUrgency).toBe('DUE_SOON');
    vi.setSystemTime(new Date('2026-12-12T16:30:00Z')); // 00:30 on the 13th in WITA
    expect((await deadline()).followUpUrgency).toBe('OVERDUE');
  });

  it('knows each zone’s day at one moment', () => {
    const moment = new Date('2026-12-04T16:30:00Z');
    expect([timeZoneOfArea('31.71'), dateInArea('31.71', moment)]).toEqual(['WIB', '2026-12-04']); // Jakarta, 23:30
    expect([timeZoneOfArea('53.71'), dateInArea('53.71', moment)]).toEqual(['WITA', '2026-12-05']); // Kupang, 00:30
    expect([timeZoneOfArea('94.71'), dateInArea('94.71', moment)]).toEqual(['WIT', '2026-12-05']); // Jayapura, 01:30
    expect(isoInZone(moment)).toBe('2026-12-04T23:30:00.000+07:00');
    expect(isoInZone(moment, 'WIT')).toBe('2026-12-05T01:30:00.000+09:00');
    expect(daysBetween('2026-11-30', '2026-12-01')).toBe(1);
    vi.useFakeTimers({ toFake: ['Date'], now: moment });
    expect(() => notAfterTodayIn('31.71.01.1001', new Date('2026-12-05T00:00:00Z'), ['input', 'occurredOn'])).toThrow();
    expect(() =>
      notAfterTodayIn('94.71.01.1001', new Date('2026-12-05T00:00:00Z'), ['input', 'occurredOn']),
    ).not.toThrow();
  });
});
