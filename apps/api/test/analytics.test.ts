// The analytics must agree with the raw rows. Expected figures are computed here in plain TypeScript from
// simple SELECTs of the underlying tables, independently of the analytics SQL, for several filters.
import { addDays, lastDayOfMonth } from '@binaan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const HOUR = 3_600_000;
/** WIB (UTC+7, no daylight saving): the zone the analytics count days and months in. */
const wibDate = (at: Date) => new Date(at.getTime() + 7 * HOUR).toISOString().slice(0, 10);

interface Raw {
  villages: { id: number; province: string; regency: string; district: string; provinceName: string }[];
  designations: {
    id: number;
    villageId: number;
    variant: string;
    status: string;
    year: number;
    inauguratedOn: string | null;
    statusChangedAt: Date;
  }[];
  provinceTargets: { province: string; year: number; villages: number }[];
  regencyTargets: { regency: string; year: number; villages: number }[];
  reports: {
    id: number;
    villageId: number;
    type: string;
    status: string;
    submittedAt: Date;
    variant: string | null;
    followedUpAt: Date | null;
  }[];
  members: {
    id: number;
    villageId: number;
    role: string;
    joinedOn: string;
    leftOn: string | null;
    variant: string;
    status: string;
  }[];
  completions: { memberId: number; moduleId: number; heldOn: string }[];
  moduleCount: number;
  /** Each designation's status history, in the order it takes effect. */
  statusChanges: Map<number, { effectiveOn: string; toStatus: string }[]>;
}

/** The status in force on `date`: the latest change effective by then (of one day, the last recorded). */
function statusOn(raw: Raw, designationId: number, date: string): string | null {
  let status: string | null = null;
  for (const change of raw.statusChanges.get(designationId) ?? [])
    if (change.effectiveOn <= date) status = change.toStatus;
  return status;
}

/** Whether the designation was ACTIVE on at least one day of [from, before). */
function activeDuring(raw: Raw, designationId: number, from: string, before: string): boolean {
  if (statusOn(raw, designationId, from) === 'ACTIVE') return true;
  return (raw.statusChanges.get(designationId) ?? []).some(
    (change) =>
      change.effectiveOn > from &&
      change.effectiveOn < before &&
      statusOn(raw, designationId, change.effectiveOn) === 'ACTIVE',
  );
}

async function loadRaw(api: SeededApi): Promise<Raw> {
  const q = <T extends object>(text: string) => api.db.sql.query<T>(text);
  const [villages, designations, provinceTargets, regencyTargets, reports, members, completions, modules, changes] =
    await Promise.all([
      q<
        Raw['villages'][number]
      >(`SELECT v.id, p.code AS province, r.code AS regency, d.code AS district, p.name AS "provinceName"
      FROM village v JOIN province p ON p.id = v.province_id JOIN regency r ON r.id = v.regency_id JOIN district d ON d.id = v.district_id`),
      q<Raw['designations'][number]>(`SELECT id, village_id AS "villageId", variant::text, status::text, year,
      to_char(inaugurated_on, 'YYYY-MM-DD') AS "inauguratedOn", status_changed_at AS "statusChangedAt" FROM designation`),
      q<Raw['provinceTargets'][number]>(
        `SELECT p.code AS province, t.year, t.villages_to_designate AS villages FROM province_target t JOIN province p ON p.id = t.province_id`,
      ),
      q<Raw['regencyTargets'][number]>(
        `SELECT r.code AS regency, t.year, t.villages_to_designate AS villages FROM regency_target t JOIN regency r ON r.id = t.regency_id`,
      ),
      q<
        Raw['reports'][number]
      >(`SELECT rep.id, rep.village_id AS "villageId", rep.type::text, rep.status::text, rep.submitted_at AS "submittedAt",
      g.variant::text AS variant, (SELECT MIN(changed_at) FROM report_status_transition t WHERE t.report_id = rep.id AND t.to_status = 'FOLLOWED_UP') AS "followedUpAt"
      FROM village_report rep LEFT JOIN designation g ON g.id = rep.designation_id`),
      q<
        Raw['members'][number]
      >(`SELECT m.id, g.village_id AS "villageId", m.role::text, to_char(m.joined_on, 'YYYY-MM-DD') AS "joinedOn",
      to_char(m.left_on, 'YYYY-MM-DD') AS "leftOn", g.variant::text, g.status::text
      FROM task_force_member m JOIN task_force tf ON tf.id = m.task_force_id JOIN designation g ON g.id = tf.designation_id`),
      q<
        Raw['completions'][number]
      >(`SELECT a.member_id AS "memberId", a.module_id AS "moduleId", to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn"
      FROM training_attendance a JOIN training_session s ON s.id = a.session_id WHERE a.completed`),
      q<{ count: number }>(`SELECT COUNT(*)::int AS count FROM training_module`),
      q<{ designationId: number; effectiveOn: string; toStatus: string }>(
        `SELECT designation_id AS "designationId", to_char(effective_on, 'YYYY-MM-DD') AS "effectiveOn", to_status::text AS "toStatus"
           FROM designation_status_change ORDER BY effective_on, id`,
      ),
    ]);
  const statusChanges = new Map<number, { effectiveOn: string; toStatus: string }[]>();
  for (const { designationId, ...change } of changes)
    statusChanges.set(designationId, [...(statusChanges.get(designationId) ?? []), change]);
  const asDate = (value: unknown) => (value === null ? null : new Date(value as string));
  return {
    villages,
    designations: designations.map((d) => ({ ...d, statusChangedAt: asDate(d.statusChangedAt)! })),
    provinceTargets,
    regencyTargets,
    reports: reports.map((r) => ({ ...r, submittedAt: asDate(r.submittedAt)!, followedUpAt: asDate(r.followedUpAt) })),
    members,
    completions,
    moduleCount: modules[0]!.count,
    statusChanges,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

describe('analytics agree with the raw rows', () => {
  let api: SeededApi;
  let raw: Raw;
  let villageById: Map<number, Raw['villages'][number]>;
  beforeAll(async () => {
    api = await createSeededApi();
    raw = await loadRaw(api);
    villageById = new Map(raw.villages.map((village) => [village.id, village]));
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('coverage per province, all time', async () => {
    const result = await api.graphql(`{ coverage { rows { area { code } villages designatedVillages target
      coverage { numerator denominator } targetAttainment { numerator denominator } } total { villages designatedVillages target } } }`);
    expect(result.errors).toBeUndefined();
    const expected = [...countBy(raw.villages, (v) => v.province)].sort().map(([province, villages]) => {
      const ids = new Set(villages.map((v) => v.id));
      const designated = new Set(
        raw.designations.filter((d) => d.status === 'ACTIVE' && ids.has(d.villageId)).map((d) => d.villageId),
      ).size;
      const inaugurated = raw.designations.filter((d) => d.status !== 'PLANNED' && ids.has(d.villageId)).length;
      const target = raw.provinceTargets.filter((t) => t.province === province).reduce((sum, t) => sum + t.villages, 0);
      return {
        area: { code: province },
        villages: villages.length,
        designatedVillages: designated,
        target,
        coverage: { numerator: designated, denominator: villages.length },
        targetAttainment: { numerator: inaugurated, denominator: target },
      };
    });
    expect(result.data!.coverage.rows).toEqual(expected);
    expect(result.data!.coverage.total).toEqual({
      villages: raw.villages.length,
      designatedVillages: expected.reduce((sum, row) => sum + row.designatedVillages, 0),
      target: expected.reduce((sum, row) => sum + row.target, 0),
    });
  });

  it('coverage per kabupaten/kota of NTT for Desa Binaan in 2024', async () => {
    const result =
      await api.graphql(`{ coverage(groupBy: REGENCY, filter: { area: { provinceCodes: ["53"] }, variants: [DESA_BINAAN],
      period: { from: "2024-01-01", to: "2024-12-31" } }) { rows { area { code } villages designatedVillages target targetAttainment { numerator } } } }`);
    expect(result.errors).toBeUndefined();
    const inScope = raw.villages.filter((v) => v.province === '53');
    const expected = [...countBy(inScope, (v) => v.regency)].sort().map(([regency, villages]) => {
      const ids = new Set(villages.map((v) => v.id));
      const mine = raw.designations.filter((d) => ids.has(d.villageId) && d.variant === 'DESA_BINAAN');
      const targets = raw.regencyTargets.filter((t) => t.regency === regency && t.year === 2024);
      return {
        area: { code: regency },
        villages: villages.length,
        designatedVillages: new Set(
          mine.filter((d) => statusOn(raw, d.id, '2024-12-31') === 'ACTIVE').map((d) => d.villageId),
        ).size,
        // No target set for the year: null, not 0 (and no attainment).
        target: targets.length ? targets.reduce((sum, t) => sum + t.villages, 0) : null,
        targetAttainment: targets.length
          ? {
              numerator: mine.filter(
                (d) => d.status !== 'PLANNED' && d.year === 2024 && d.inauguratedOn! <= '2024-12-31',
              ).length,
            }
          : null,
      };
    });
    expect(result.data!.coverage.rows).toEqual(expected);
    expect(expected.some((row) => row.designatedVillages > 0)).toBe(true);
  });

  it('coverage per kecamatan has no target', async () => {
    const result = await api.graphql(`{ coverage(groupBy: DISTRICT, filter: { area: { regencyCodes: ["63.02"] } }) {
      rows { area { code } villages designatedVillages target targetAttainment { rate } } } }`);
    expect(result.errors).toBeUndefined();
    const inScope = raw.villages.filter((v) => v.regency === '63.02');
    const expected = [...countBy(inScope, (v) => v.district)].sort().map(([district, villages]) => {
      const ids = new Set(villages.map((v) => v.id));
      return {
        area: { code: district },
        villages: villages.length,
        designatedVillages: new Set(
          raw.designations.filter((d) => ids.has(d.villageId) && d.status === 'ACTIVE').map((d) => d.villageId),
        ).size,
        target: null,
        targetAttainment: null,
      };
    });
    expect(result.data!.coverage.rows).toEqual(expected);
  });

  it('report statistics per kabupaten/kota and month, with median days to follow-up', async () => {
    const result =
      await api.graphql(`{ reportStats(groupBy: [REGENCY, MONTH], filter: { area: { provinceCodes: ["53"] },
      period: { from: "2025-01-01", to: "2025-12-31" } }) { rows { regency { code } month reports followedUp rejected
        followUpRate { numerator denominator } medianDaysToFollowUp } } }`);
    expect(result.errors).toBeUndefined();
    const inScope = raw.reports.filter((r) => {
      const date = wibDate(r.submittedAt);
      return villageById.get(r.villageId)!.province === '53' && date >= '2025-01-01' && date <= '2025-12-31';
    });
    const groups = countBy(
      inScope,
      (r) => `${villageById.get(r.villageId)!.regency}|${wibDate(r.submittedAt).slice(0, 7)}`,
    );
    const expected = [...groups]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, reports]) => {
        const [regency, month] = key.split('|');
        const followed = reports.filter((r) => r.followedUpAt);
        return {
          regency: { code: regency },
          month,
          reports: reports.length,
          followedUp: followed.length,
          rejected: reports.filter((r) => r.status === 'REJECTED').length,
          // Rejected reports are out of the denominator: they are never followed up.
          followUpRate: {
            numerator: followed.length,
            denominator: reports.filter((r) => r.status !== 'REJECTED').length,
          },
          medianDaysToFollowUp: median(
            followed.map((r) => (r.followedUpAt!.getTime() - r.submittedAt.getTime()) / (24 * HOUR)),
          ),
        };
      });
    const rows = result.data!.reportStats.rows;
    expect(rows.map(({ medianDaysToFollowUp, ...rest }: any) => rest)).toEqual(
      expected.map(({ medianDaysToFollowUp, ...rest }) => rest),
    );
    rows.forEach((row: any, index: number) => {
      const want = expected[index]!.medianDaysToFollowUp;
      if (want === null) expect(row.medianDaysToFollowUp).toBeNull();
      else expect(row.medianDaysToFollowUp).toBeCloseTo(want, 6);
    });
    expect(rows.length).toBeGreaterThan(12);
  });

  it('report statistics by type and status, filtered by type and variant', async () => {
    const result =
      await api.graphql(`{ reportStats(groupBy: [TYPE, STATUS], filter: { reportTypes: [SUSPECTED_TRAFFICKING, NON_PROCEDURAL_MIGRANT_WORKER],
      variants: [DESA_BINAAN] }) { rows { type status reports } } }`);
    expect(result.errors).toBeUndefined();
    const inScope = raw.reports.filter(
      (r) => ['SUSPECTED_TRAFFICKING', 'NON_PROCEDURAL_MIGRANT_WORKER'].includes(r.type) && r.variant === 'DESA_BINAAN',
    );
    const expected = [...countBy(inScope, (r) => `${r.type}|${r.status}`)]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, reports]) => ({ type: key.split('|')[0], status: key.split('|')[1], reports: reports.length }));
    // Enum values sort by their declaration order in PostgreSQL; compare as sets of rows.
    const sortRows = (rows: any[]) =>
      [...rows].sort((a, b) => `${a.type}|${a.status}`.localeCompare(`${b.type}|${b.status}`));
    expect(sortRows(result.data!.reportStats.rows)).toEqual(sortRows(expected));
  });

  it('reporting completeness per month and province', async () => {
    const result =
      await api.graphql(`{ reportingCompleteness(groupBy: PROVINCE, filter: { period: { from: "2026-01-01", to: "2026-10-31" } }) {
      rows { month area { code } designatedVillages reportingVillages completeness { numerator denominator } } } }`);
    expect(result.errors).toBeUndefined();
    const expected: any[] = [];
    for (let month = 1; month <= 10; month += 1) {
      const start = `2026-${String(month).padStart(2, '0')}-01`;
      const next = month === 12 ? '2027-01-01' : `2026-${String(month + 1).padStart(2, '0')}-01`;
      const activeVillages = new Set(
        raw.designations.filter((d) => activeDuring(raw, d.id, start, next)).map((d) => d.villageId),
      );
      const reporting = new Set(
        raw.reports
          .filter((r) => wibDate(r.submittedAt) >= start && wibDate(r.submittedAt) < next)
          .map((r) => r.villageId),
      );
      for (const [province, ids] of [...countBy([...activeVillages], (id) => villageById.get(id)!.province)].sort()) {
        const reportingVillages = ids.filter((id) => reporting.has(id)).length;
        expected.push({
          month: start.slice(0, 7),
          area: { code: province },
          designatedVillages: ids.length,
          reportingVillages,
          completeness: { numerator: reportingVillages, denominator: ids.length },
        });
      }
    }
    expect(result.data!.reportingCompleteness.rows).toEqual(expected);
  });

  it("reporting completeness counts only the period's days of a month the period cuts", async () => {
    // Starts on 10 June and ends on 15 October: June and October count those days only, and say so.
    const result = await api.graphql(`{ reportingCompleteness(groupBy: REGENCY,
      filter: { area: { provinceCodes: ["53"] }, period: { from: "2026-06-10", to: "2026-10-15" } }) {
      rows { month from to partial area { code } designatedVillages reportingVillages } } }`);
    expect(result.errors).toBeUndefined();
    const windows = [
      ['2026-06', '2026-06-10', '2026-06-30'],
      ['2026-07', '2026-07-01', '2026-07-31'],
      ['2026-08', '2026-08-01', '2026-08-31'],
      ['2026-09', '2026-09-01', '2026-09-30'],
      ['2026-10', '2026-10-01', '2026-10-15'],
    ] as const;
    const inNtt = new Set(raw.villages.filter((v) => v.province === '53').map((v) => v.id));
    const expected = windows.flatMap(([month, from, to]) => {
      const before = addDays(to, 1);
      const active = new Set(
        raw.designations
          .filter((d) => inNtt.has(d.villageId) && activeDuring(raw, d.id, from, before))
          .map((d) => d.villageId),
      );
      const reporting = new Set(
        raw.reports
          .filter((r) => wibDate(r.submittedAt) >= from && wibDate(r.submittedAt) <= to)
          .map((r) => r.villageId),
      );
      return [...countBy([...active], (id) => villageById.get(id)!.regency)].sort().map(([regency, ids]) => ({
        month,
        from,
        to,
        partial: from !== `${month}-01` || to !== lastDayOfMonth(month),
        area: { code: regency },
        designatedVillages: ids.length,
        reportingVillages: ids.filter((id) => reporting.has(id)).length,
      }));
    });
    expect(result.data!.reportingCompleteness.rows).toEqual(expected);
    // The cut months really are cut: October's 15 days have fewer reporting villages than all of October.
    const october = (rows: any[]) =>
      rows.filter((row) => row.month === '2026-10').reduce((n, row) => n + row.reportingVillages, 0);
    const whole =
      await api.graphql(`{ reportingCompleteness(filter: { area: { provinceCodes: ["53"] }, period: { from: "2026-10-01", to: "2026-10-31" } }) {
      rows { month reportingVillages } } }`);
    expect(october(result.data!.reportingCompleteness.rows)).toBeGreaterThan(0);
    expect(october(whole.data!.reportingCompleteness.rows)).toBeGreaterThan(
      october(result.data!.reportingCompleteness.rows),
    );
  });

  it('training completion per kabupaten/kota, per module and overall', async () => {
    const result =
      await api.graphql(`{ trainingCompletion(groupBy: REGENCY, filter: { area: { provinceCodes: ["63"] } }) {
      rows { area { code } members completedAll { numerator denominator } modules { module { sortOrder } completed { numerator } } }
      total { members completedAll { numerator } } } }`);
    expect(result.errors).toBeUndefined();
    const current = raw.members.filter(
      (m) =>
        m.role !== 'IMMIGRATION_OFFICER' &&
        m.status === 'ACTIVE' &&
        m.leftOn === null &&
        villageById.get(m.villageId)!.province === '63',
    );
    const done = new Map<number, Set<number>>();
    for (const c of raw.completions) done.set(c.memberId, new Set([...(done.get(c.memberId) ?? []), c.moduleId]));
    const expected = [...countBy(current, (m) => villageById.get(m.villageId)!.regency)]
      .sort()
      .map(([regency, members]) => {
        const all = members.filter((m) => (done.get(m.id)?.size ?? 0) === raw.moduleCount).length;
        return {
          area: { code: regency },
          members: members.length,
          completedAll: { numerator: all, denominator: members.length },
          modules: [1, 2, 3, 4].map((sortOrder) => ({
            module: { sortOrder },
            completed: { numerator: members.filter((m) => done.get(m.id)?.has(sortOrder)).length },
          })),
        };
      });
    expect(result.data!.trainingCompletion.rows).toEqual(expected);
    expect(result.data!.trainingCompletion.total).toEqual({
      members: current.length,
      completedAll: { numerator: expected.reduce((sum, row) => sum + row.completedAll.numerator, 0) },
    });
  });

  it('the overview compares completeness over the same days of each period, and marks a period not yet over', async () => {
    const result = await api.graphql(`{ overview(filter: { period: { from: "2026-10-01", to: "2026-11-15" } }) {
      period { from to partial } previousPeriod { from to partial }
      reportingCompleteness { current { numerator denominator } previous { numerator denominator } } } }`);
    expect(result.errors).toBeUndefined();
    const overview = result.data!.overview;
    expect(overview.period).toEqual({ from: '2026-10-01', to: '2026-11-15', partial: false });
    expect(overview.previousPeriod).toEqual({ from: '2026-08-01', to: '2026-09-15', partial: false });
    const over = (from: string, to: string) => {
      const active = new Set(
        raw.designations.filter((d) => activeDuring(raw, d.id, from, addDays(to, 1))).map((d) => d.villageId),
      );
      const reporting = new Set(
        raw.reports
          .filter((r) => wibDate(r.submittedAt) >= from && wibDate(r.submittedAt) <= to)
          .map((r) => r.villageId),
      );
      return { numerator: [...active].filter((id) => reporting.has(id)).length, denominator: active.size };
    };
    expect(overview.reportingCompleteness).toEqual({
      current: over('2026-10-01', '2026-11-15'),
      previous: over('2026-08-01', '2026-09-15'),
    });
    const thisMonth = await api.graphql('{ overview { period { partial } previousPeriod { partial } } }');
    expect(thisMonth.data!.overview).toEqual({ period: { partial: true }, previousPeriod: { partial: false } });
  });

  it('the overview headline figures for a month and the month before', async () => {
    const result = await api.graphql(`{ overview(filter: { period: { from: "2026-10-01", to: "2026-10-31" } }) {
      period { from to } previousPeriod { from to } designatedVillages { current previous }
      reports { current previous } coverage { current { numerator denominator } } } }`);
    expect(result.errors).toBeUndefined();
    const overview = result.data!.overview;
    expect(overview.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(overview.previousPeriod).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    const designatedBy = (date: string) =>
      new Set(raw.designations.filter((d) => statusOn(raw, d.id, date) === 'ACTIVE').map((d) => d.villageId)).size;
    const reportsIn = (from: string, to: string) =>
      raw.reports.filter((r) => wibDate(r.submittedAt) >= from && wibDate(r.submittedAt) <= to).length;
    expect(overview.designatedVillages).toEqual({
      current: designatedBy('2026-10-31'),
      previous: designatedBy('2026-09-30'),
    });
    expect(overview.reports).toEqual({
      current: reportsIn('2026-10-01', '2026-10-31'),
      previous: reportsIn('2026-09-01', '2026-09-30'),
    });
    expect(overview.coverage.current).toEqual({
      numerator: designatedBy('2026-10-31'),
      denominator: raw.villages.length,
    });
    expect(overview.reports.current).toBeGreaterThan(0);
  });

  it('counts the same reports as the reports connection for the same filter', async () => {
    const filter = {
      area: { provinceCodes: ['19'] },
      period: { from: '2025-03-01', to: '2025-08-31' },
      types: ['REFUGEES', 'FOREIGN_NATIONAL_PRESENT'],
    };
    const result = await api.graphql(
      `query($connection: VillageReportFilter, $analytics: AnalyticsFilter) {
        reports(first: 1, filter: $connection) { totalCount }
        reportStats(filter: $analytics) { rows { reports } } }`,
      { connection: filter, analytics: { area: filter.area, period: filter.period, reportTypes: filter.types } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.reports.totalCount).toBe(result.data!.reportStats.rows[0].reports);
    expect(result.data!.reports.totalCount).toBeGreaterThan(0);
  });

  it('says when the figures were computed', async () => {
    const before = Date.now();
    const result = await api.graphql(`{ coverage { computedAt } overview { computedAt } }`);
    expect(result.errors).toBeUndefined();
    for (const computedAt of [result.data!.coverage.computedAt, result.data!.overview.computedAt]) {
      expect(Date.parse(computedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(computedAt)).toBeLessThanOrEqual(Date.now());
    }
  });
});

describe('a kabupaten/kota whose work plan has no target', () => {
  it('has target null and no attainment, not a target of 0', async () => {
    const api = await createSeededApi();
    try {
      await api.db.sql.query(
        `DELETE FROM regency_target WHERE year = 2024 AND regency_id = (SELECT id FROM regency WHERE code = '53.18')`,
      );
      const result = await api.graphql(`{ coverage(groupBy: REGENCY, filter: { area: { regencyCodes: ["53.18"] },
        period: { from: "2024-01-01", to: "2024-12-31" } }) { rows { target targetAttainment { rate } } } }`);
      expect(result.errors).toBeUndefined();
      expect(result.data!.coverage.rows).toEqual([{ target: null, targetAttainment: null }]);
    } finally {
      await api.dispose();
    }
  });
});
