// The demo seed as a user of the data sees it: the real areas of the four provinces, the events from the
// sources, and synthetic programme records that hang together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { programmeTables } from '../src/seed/tables.js';
import type { SqlDatabase } from '../src/sql.js';
import { prerequisitesOf } from '../src/rollup-rebuild.js';
import { rollupFamilies } from '../src/rollups.js';
import {
  seedDatabase,
  type SeedProgress,
  SeedRefusedError,
  type SeedResult,
  SeedUnfinishedError,
} from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-database.js';

const TODAY = '2026-11-24';

describe('the demo seed', () => {
  let test: TestDatabase;
  let result: SeedResult;
  const progress: SeedProgress[] = [];
  let migratedSchema: string[];
  beforeAll(async () => {
    test = await createTestDatabase();
    await migrate(test.db.sql);
    migratedSchema = await indexesAndKeys(test.db.sql);
    result = await seedDatabase(test.db.sql, { today: TODAY, onProgress: (event) => progress.push(event) });
  });
  afterAll(async () => {
    await test.dispose();
  });

  const one = async <Row extends object>(text: string, params: unknown[] = []) => {
    const rows = await test.db.sql.query<Row>(text, params);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('loads the real villages of each province (Kepmendagri 300.2.2-2138/2025)', async () => {
    expect(result.villagesByProvince).toEqual([
      { code: '19', name: 'Kepulauan Bangka Belitung', villages: 393 },
      { code: '31', name: 'Daerah Khusus Ibukota Jakarta', villages: 267 },
      { code: '53', name: 'Nusa Tenggara Timur', villages: 3442 },
      { code: '63', name: 'Kalimantan Selatan', villages: 2016 },
    ]);
    const split = await test.db.sql.query<{ code: string; kind: string; villages: number; districts: number }>(
      `SELECT p.code, v.kind, COUNT(*)::int AS villages, COUNT(DISTINCT v.district_id)::int AS districts
         FROM village v JOIN province p ON p.id = v.province_id GROUP BY p.code, v.kind ORDER BY p.code, v.kind`,
    );
    expect(split.map(({ code, kind, villages }) => `${code} ${kind} ${villages}`)).toEqual([
      '19 DESA 309',
      '19 KELURAHAN 84',
      '31 KELURAHAN 267',
      '53 DESA 3137',
      '53 KELURAHAN 305',
      '63 DESA 1872',
      '63 KELURAHAN 144',
    ]);
    expect(result.rows.district).toBe(315 + 156 + 47 + 44);
    expect(result.rows.regency).toBe(22 + 13 + 7 + 6);
  });

  it('keeps each village code consistent with its district, regency and province', async () => {
    const mismatches = await one<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM village v
         JOIN district d ON d.id = v.district_id JOIN regency r ON r.id = v.regency_id JOIN province p ON p.id = v.province_id
        WHERE v.code NOT LIKE d.code || '.%' OR d.code NOT LIKE r.code || '.%' OR r.code NOT LIKE p.code || '.%'
           OR d.regency_id <> r.id OR (v.kind = 'KELURAHAN') <> (substr(v.code, 10, 1) = '1')`,
    );
    expect(mismatches.count).toBe(0);
  });

  it('records Desa Gendang Timburu as inaugurated on 3 May 2024 by Kanim Batulicin', async () => {
    const gendang = await one<Record<string, unknown>>(
      `SELECT v.name, d.name AS district, r.name AS regency, g.variant, g.status, g.year,
              to_char(g.inaugurated_on, 'YYYY-MM-DD') AS inaugurated_on, o.name AS office
         FROM designation g JOIN village v ON v.id = g.village_id JOIN district d ON d.id = v.district_id
         JOIN regency r ON r.id = v.regency_id JOIN immigration_office o ON o.id = g.office_id
        WHERE v.code = '63.02.15.2002'`,
    );
    expect(gendang).toEqual({
      name: 'Gendang Timburu',
      district: 'Sungai Durian',
      regency: 'Kabupaten Kotabaru',
      variant: 'DESA_BINAAN',
      status: 'ACTIVE',
      year: 2024,
      inaugurated_on: '2024-05-03',
      office: 'Kantor Imigrasi Kelas II TPI Batulicin',
    });
    const training = await test.db.sql.query<{ module: string }>(
      `SELECT m.code AS module FROM training_session s JOIN training_session_module sm ON sm.session_id = s.id
         JOIN training_module m ON m.id = sm.module_id JOIN village v ON v.id = s.village_id
        WHERE v.code = '63.02.15.2002' AND s.held_on = (SELECT MIN(held_on) FROM training_session WHERE village_id = v.id)
        ORDER BY m.code`,
    );
    expect(training.map((row) => row.module)).toEqual(['PASSPORT_MPASPOR', 'TPPO_NONPROCEDURAL_MIGRATION']);
  });

  it('holds the events of the source reports and every kelurahan of Jakarta Pusat', async () => {
    const activities = await test.db.sql.query<{ held_on: string; type: string; regency: string }>(
      `SELECT to_char(a.held_on, 'YYYY-MM-DD') AS held_on, a.type, r.code AS regency FROM activity a
         JOIN regency r ON r.id = a.regency_id WHERE a.description IS NOT NULL ORDER BY a.held_on`,
    );
    expect(activities).toEqual(
      expect.arrayContaining([
        { held_on: '2024-01-12', type: 'SOCIALISATION', regency: '19.03' },
        { held_on: '2024-06-12', type: 'COORDINATION_MEETING', regency: '31.71' },
        { held_on: '2024-06-25', type: 'TIMPORA_MEETING', regency: '53.18' },
      ]),
    );
    const jakartaPusat = await one<{ kelurahan: number; designated: number }>(
      `SELECT COUNT(*)::int AS kelurahan, COUNT(g.id)::int AS designated FROM village v
         LEFT JOIN designation g ON g.village_id = v.id AND g.variant = 'KELURAHAN_BINAAN'
        WHERE v.code LIKE '31.71.%'`,
    );
    expect(jakartaPusat.designated).toBe(jakartaPusat.kelurahan);
    const roteNdao = await one<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM designation g JOIN village v ON v.id = g.village_id
        WHERE v.code LIKE '53.14.%' AND g.inaugurated_on = '2025-07-24'`,
    );
    expect(roteNdao.count).toBe(5);
  });

  it('writes synthetic programme records that hang together', async () => {
    const invariants = await one<Record<string, number>>(
      `SELECT
      (SELECT COUNT(*) FROM designation WHERE (status = 'PLANNED') <> (inaugurated_on IS NULL))::int AS planned_with_date,
      (SELECT COUNT(*) FROM task_force t JOIN designation g ON g.id = t.designation_id WHERE g.status = 'PLANNED')::int AS planned_with_task_force,
      (SELECT COUNT(*) FROM task_force_member WHERE NOT is_synthetic)::int AS unmarked_synthetic_people,
      (SELECT COUNT(*) FROM village_report r WHERE r.status <> (SELECT t.to_status FROM report_status_transition t
          WHERE t.report_id = r.id ORDER BY t.changed_at DESC, t.id DESC LIMIT 1))::int AS status_not_last_transition,
      (SELECT COUNT(*) FROM report_status_transition t JOIN village_report r ON r.id = t.report_id
          WHERE t.changed_at < r.submitted_at)::int AS transition_before_submission,
      (SELECT COUNT(*) FROM village_report r JOIN designation g ON g.id = r.designation_id
          WHERE g.village_id <> r.village_id OR r.submitted_at::date < g.inaugurated_on)::int AS report_outside_designation,
      (SELECT COUNT(*) FROM village_report r JOIN village v ON v.id = r.village_id
          WHERE v.regency_id <> r.regency_id OR v.province_id <> r.province_id)::int AS report_wrong_area,
      (SELECT COUNT(*) FROM training_attendance a JOIN training_session s ON s.id = a.session_id
          JOIN task_force_member m ON m.id = a.member_id JOIN task_force t ON t.id = m.task_force_id
          JOIN designation g ON g.id = t.designation_id WHERE g.village_id <> s.village_id)::int AS attendance_elsewhere,
      (SELECT COUNT(*) FROM training_attendance a LEFT JOIN training_session_module sm
          ON sm.session_id = a.session_id AND sm.module_id = a.module_id WHERE sm.session_id IS NULL)::int AS attendance_untaught_module,
      (SELECT COUNT(*) FROM village_report WHERE submitted_at::date > $1::date)::int
        + (SELECT COUNT(*) FROM activity WHERE held_on > $1::date)::int
        + (SELECT COUNT(*) FROM training_session WHERE held_on > $1::date)::int AS in_the_future,
      (SELECT COUNT(*) FROM designation WHERE inaugurated_on < '2023-07-26')::int AS before_the_programme`,
      [TODAY],
    );
    expect(invariants).toEqual({
      planned_with_date: 0,
      planned_with_task_force: 0,
      unmarked_synthetic_people: 0,
      status_not_last_transition: 0,
      transition_before_submission: 0,
      report_outside_designation: 0,
      report_wrong_area: 0,
      attendance_elsewhere: 0,
      attendance_untaught_module: 0,
      in_the_future: 0,
      before_the_programme: 0,
    });
    // Enough of everything to chart, from July 2023 to today.
    expect(result.rows.designation).toBeGreaterThan(250);
    expect(result.rows.village_report).toBeGreaterThan(3000);
    const span = await one<{ first: string; last: string; months: number }>(
      `SELECT to_char(MIN(submitted_at), 'YYYY-MM') AS first, to_char(MAX(submitted_at), 'YYYY-MM') AS last,
              COUNT(DISTINCT to_char(submitted_at, 'YYYY-MM'))::int AS months FROM village_report`,
    );
    expect(span.first <= '2023-09').toBe(true);
    expect(span.last).toBe('2026-11');
    expect(span.months).toBeGreaterThanOrEqual(38);
  });

  it('differs by region as the programme does', async () => {
    const mix = await test.db.sql.query<{ code: string; type: string }>(
      `SELECT DISTINCT ON (p.code) p.code, r.type FROM village_report r JOIN province p ON p.id = r.province_id
        GROUP BY p.code, r.type ORDER BY p.code, COUNT(*) DESC`,
    );
    const topType = Object.fromEntries(mix.map((row) => [row.code, row.type]));
    expect(topType['31']).toBe('FOREIGN_NATIONAL_PRESENT');
    expect(['NON_PROCEDURAL_MIGRANT_WORKER', 'PASSPORT_INFORMATION_REQUEST']).toContain(topType['53']);
    const variants = await test.db.sql.query<{ code: string; variant: string }>(
      `SELECT DISTINCT p.code, g.variant FROM designation g JOIN village v ON v.id = g.village_id
         JOIN province p ON p.id = v.province_id ORDER BY p.code, g.variant`,
    );
    expect(variants.filter((row) => row.code === '19').map((row) => row.variant)).toEqual(['IMIGRASI_CORNER']);
    expect(variants.filter((row) => row.code === '31').map((row) => row.variant)).toEqual(['KELURAHAN_BINAAN']);
    const landBorder = await test.db.sql.query<{ code: string }>(
      `SELECT DISTINCT r.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE v.is_land_border ORDER BY r.code`,
    );
    expect(landBorder.map((row) => row.code)).toEqual(['53.01', '53.03', '53.04', '53.21']);
  });

  it('gives every kabupaten/kota an office and sums regency targets into the province target', async () => {
    const uncovered = await one<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM regency r WHERE NOT EXISTS (SELECT 1 FROM office_working_area w WHERE w.regency_id = r.id)`,
    );
    expect(uncovered.count).toBe(0);
    const mismatched = await one<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM province_target pt WHERE pt.villages_to_designate <>
         (SELECT SUM(rt.villages_to_designate) FROM regency_target rt JOIN regency r ON r.id = rt.regency_id
           WHERE r.province_id = pt.province_id AND rt.year = pt.year)`,
    );
    expect(mismatched.count).toBe(0);
  });

  it('is readable through the Prisma client, and new rows get fresh ids', async () => {
    const village = await test.db.prisma.village.findUniqueOrThrow({
      where: { code: '63.02.15.2002' },
      include: {
        district: true,
        regency: { include: { province: true } },
        designations: { include: { office: true } },
      },
    });
    expect(village.regency.province.name).toBe('Kalimantan Selatan');
    expect(village.designations[0]?.office.code).toBe('KANIM-BATULICIN');
    expect(village.designations[0]?.inauguratedOn?.toISOString()).toBe('2024-05-03T00:00:00.000Z');

    const before = await test.db.prisma.villageReport.aggregate({ _max: { id: true } });
    const created = await test.db.prisma.villageReport.create({
      data: {
        submitter: 'test',
        source: 'test',
        clientReference: 'seed-sequence-check',
        villageId: village.id,
        regencyId: village.regencyId,
        provinceId: village.provinceId,
        type: 'OTHER',
        occurredOn: new Date('2026-11-20'),
        submittedAt: new Date('2026-11-21T03:00:00Z'),
        peopleInvolved: 1,
        description: 'sequence check',
        statusChangedAt: new Date('2026-11-21T03:00:00Z'),
      },
    });
    expect(created.id).toBe(before._max.id! + 1);
    await test.db.prisma.villageReport.delete({ where: { id: created.id } });
  });

  /** The records and three rollups, one hash each (a rollup that is empty gives null). */
  const fingerprint = () =>
    one<{ reports: string; members: string; rollups: string | null }>(
      `SELECT (SELECT md5(string_agg(r::text, ',' ORDER BY r.id)) FROM village_report r) AS reports,
              (SELECT md5(string_agg(m::text, ',' ORDER BY m.id)) FROM task_force_member m) AS members,
              (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM report_total_rollup x WHERE (x.reports, x.followed_up, x.rejected) <> (0, 0, 0)) ||
              (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM designated_village_rollup x) ||
              (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM training_rollup x) AS rollups`,
    );

  it('leaves every index and foreign key the migrations made, with the same definition', async () => {
    // The load drops them and makes them again (bulk-load.ts); a key the rows broke would have failed it.
    expect(migratedSchema.filter((line) => line.startsWith('key village_report'))).not.toHaveLength(0);
    expect(migratedSchema.filter((line) => line.startsWith('index village_report'))).not.toHaveLength(0);
    expect(await indexesAndKeys(test.db.sql)).toEqual(migratedSchema);
  });

  it('shows progress while it runs, through every rollup family, each after those it is kept from', () => {
    const phases = new Set(progress.map((event) => event.phase));
    expect([...phases]).toEqual(['areas', 'programme', 'indexes', 'keys', 'rollups', 'statistics']);
    const rollups = progress.flatMap((event) => (event.phase === 'rollups' ? [event] : []));
    expect(rollups.at(-1)).toMatchObject({ building: [], families: rollupFamilies.length });
    expect(new Set(rollups.at(-1)!.built)).toEqual(new Set(rollupFamilies.map((family) => family.name)));
    for (const event of rollups) {
      for (const name of event.building) {
        const family = rollupFamilies.find((candidate) => candidate.name === name)!;
        // Completeness is kept from village_month_report: started only once the reports family is built.
        for (const prerequisite of prerequisitesOf(family)) expect(event.built, name).toContain(prerequisite.name);
      }
    }
    expect(
      prerequisitesOf(rollupFamilies.find((family) => family.name === 'completeness')!).map((f) => f.name),
    ).toEqual(['reports']);
  });

  it('refuses to seed over existing data; --reset replaces it, and if stopped while rebuilding the rollups, the next migration finishes them', async () => {
    await expect(seedDatabase(test.db.sql, { today: TODAY })).rejects.toThrow(SeedRefusedError);
    // A report an earlier test wrote and removed leaves its day's total row at zero: the same figure.
    const before = await fingerprint();
    const stopping: SqlDatabase = {
      ...test.db.sql,
      transaction: (work) =>
        test.db.sql.transaction((tx) =>
          work({
            ...tx,
            exec: async (script) => {
              if (script.includes('rebuild_training_rollups')) throw new Error('stopped by the test');
              return tx.exec(script);
            },
          }),
        ),
    };
    // Stopped after the load committed: the error says so, not that nothing was written.
    const stoppedSeed = seedDatabase(stopping, { today: TODAY, reset: true });
    await expect(stoppedSeed).rejects.toThrow(SeedUnfinishedError);
    await expect(stoppedSeed).rejects.toThrow(/records were written.*stopped by the test/);
    const requested = async () =>
      (await test.db.sql.query<{ name: string }>(`SELECT name FROM _binaan_rollups WHERE rebuild_requested`)).map(
        (row) => row.name,
      );
    expect(await requested()).toContain('training');
    const stopped = await fingerprint();
    // The records are the same rows again; training_rollup is empty, and members' modules_completed,
    // which the training family keeps, is 0.
    expect(stopped.reports).toEqual(before.reports);
    expect(stopped.rollups).toBeNull();
    expect(stopped.members).not.toEqual(before.members);
    await migrate(test.db.sql);
    expect(await requested()).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it('rebuilds, when a migration asks for the reports family, the report totals and completeness kept from it', async () => {
    const figures = () =>
      one<{ totals: string; completeness: string }>(
        `SELECT (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM report_total_rollup x WHERE (x.reports, x.followed_up, x.rejected) <> (0, 0, 0)) AS totals,
                (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM completeness_rollup x) AS completeness`,
      );
    // A report moved a year back behind the triggers' backs: every figure of it is now stale.
    const moveFirstReport = (interval: string) =>
      test.db.sql.exec(`ALTER TABLE village_report DISABLE TRIGGER USER;
        UPDATE village_report SET submitted_at = submitted_at + interval '${interval}' WHERE id = (SELECT MIN(id) FROM village_report);
        ALTER TABLE village_report ENABLE TRIGGER USER;
        UPDATE _binaan_rollups SET rebuild_requested = (name = 'reports');`);
    const current = await figures();
    await moveFirstReport('-1 year');
    expect(await figures()).toEqual(current);
    await migrate(test.db.sql);
    const rebuilt = await figures();
    expect(rebuilt.totals).not.toEqual(current.totals);
    expect(rebuilt.completeness).not.toEqual(current.completeness);
    await moveFirstReport('1 year');
    await migrate(test.db.sql);
    expect(await figures()).toEqual(current);
  });

  it('on PostgreSQL loads with COPY, writing exactly the rows the INSERT path writes', async (context) => {
    if (test.db.kind !== 'postgres') context.skip('COPY FROM STDIN is PostgreSQL’s bulk path; PGlite inserts');
    const tables = Object.keys(programmeTables);
    const fingerprint = () =>
      one<Record<string, string>>(
        `SELECT ${tables.map((table) => `(SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM "${table}" t) AS "${table}"`).join(', ')}`,
      );
    let copies = 0;
    const counting: SqlDatabase = {
      ...test.db.sql,
      transaction: (work) =>
        test.db.sql.transaction((tx) =>
          work({
            ...tx,
            copyText: (table, columns, lines) => {
              copies += 1;
              return tx.copyText!(table, columns, lines);
            },
          }),
        ),
    };
    await seedDatabase(counting, { today: TODAY, reset: true });
    expect(copies).toBeGreaterThan(tables.length / 2);
    const copied = await fingerprint();
    // The same seed through an executor without copyText takes the INSERT path.
    const insertOnly: SqlDatabase = {
      query: test.db.sql.query,
      exec: test.db.sql.exec,
      transaction: (work) => test.db.sql.transaction((tx) => work({ query: tx.query, exec: tx.exec })),
    };
    await seedDatabase(insertOnly, { today: TODAY, reset: true });
    expect(await fingerprint()).toEqual(copied);
    expect(Object.values(copied).every((hash) => /^[0-9a-f]{32}$/.test(hash))).toBe(true);
  });
});

/** Every index and foreign key in the database, one line each with its definition. */
async function indexesAndKeys(sql: SqlDatabase): Promise<string[]> {
  const rows = await sql.query<{ line: string }>(
    `SELECT 'index ' || tablename || ' ' || indexname || ': ' || indexdef AS line
       FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL
     SELECT 'key ' || conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid)
       FROM pg_constraint WHERE contype = 'f'
     ORDER BY 1`,
  );
  return rows.map((row) => row.line);
}
