import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

describe('records through GraphQL', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  /** Runs a query and returns how many SQL statements the Prisma client sent for it. */
  async function countQueries(query: string, variables?: Record<string, unknown>): Promise<number> {
    api.prismaQueries.length = 0;
    const result = await api.graphql(query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return api.prismaQueries.length;
  }

  it('lists provinces with their kabupaten/kota', async () => {
    const result = await api.graphql(
      `{ provinces(first: 10) { totalCount edges { node { id code name regencies { code kind } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.provinces.totalCount).toBe(4);
    const ntt = result.data!.provinces.edges.find((edge: any) => edge.node.code === '53').node;
    expect(ntt.name).toBe('Nusa Tenggara Timur');
    expect(ntt.regencies).toHaveLength(22);
    expect(ntt.regencies.filter((regency: any) => regency.kind === 'CITY')).toEqual([{ code: '53.71', kind: 'CITY' }]);
  });

  it('pages through a connection with cursors, in the requested order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: any = await api.graphql(
        `query($after: String) { regencies(first: 5, after: $after, area: { provinceCodes: ["53"] }, orderBy: { field: NAME, direction: DESC }) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.regencies.totalCount).toBe(22);
      seen.push(...result.data.regencies.edges.map((edge: any) => edge.node.name));
      if (!result.data.regencies.pageInfo.hasNextPage) break;
      after = result.data.regencies.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(22);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? 1 : -1)));
  });

  it('enforces the maximum page size', async () => {
    const result = await api.graphql(`{ villages(first: 101) { edges { node { code } } } }`);
    expect(result.errors?.[0]?.message).toMatch(/100/);
    const ok = await api.graphql(`{ villages(first: 100) { edges { node { code } } } }`);
    expect(ok.data!.villages.edges).toHaveLength(100);
  });

  it('refuses a cursor that is not one, and paging arguments that cannot go together, as bad input', async () => {
    const page = (args: string) => `{ villages(${args}) { edges { node { code } } } }`;
    const badCursor = await api.graphql(page('first: 2, after: "bukan-kursor"'));
    expect(badCursor.data).toBeNull();
    expect(badCursor.errors).toEqual([
      expect.objectContaining({
        message: 'Kursor tidak valid: bukan-kursor',
        path: ['villages'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
    const together = await api.graphql(page('first: 2, after: "R1BDOk46MjA=", last: 1'));
    expect(together.errors?.[0]).toMatchObject({
      message: 'Argumen "after" dan "last" tidak dapat dipakai bersamaan.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // In English on request, as every message.
    const english = await api.post({ query: page('last: 2, before: "bukan"') }, 'national', {
      'accept-language': 'en',
    });
    expect(((await english.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Invalid cursor: bukan',
    );
  });

  it('filters villages by area, kind and priority', async () => {
    const result =
      await api.graphql(`{ villages(first: 100, filter: { area: { regencyCodes: ["53.04"] }, isBorder: true, kind: DESA }) {
      totalCount edges { node { code kind isLandBorder isSeaBorder regency { code } } } } }`);
    expect(result.errors).toBeUndefined();
    const { totalCount, edges } = result.data!.villages;
    expect(totalCount).toBeGreaterThan(0);
    for (const { node } of edges) {
      expect(node.regency.code).toBe('53.04');
      expect(node.kind).toBe('DESA');
      expect(node.isLandBorder || node.isSeaBorder).toBe(true);
    }
    const [row] = await api.db.sql.query<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM village v JOIN regency r ON r.id = v.regency_id
        WHERE r.code = '53.04' AND v.kind = 'DESA' AND (v.is_land_border OR v.is_sea_border)`,
    );
    expect(totalCount).toBe(row!.count);
  });

  it('finds priority villages not yet designated', async () => {
    const result = await api.graphql(
      `{ villages(first: 5, filter: { area: { provinceCodes: ["53"] }, isPriority: true, designated: false }) { totalCount } }`,
    );
    expect(result.errors).toBeUndefined();
    const [row] = await api.db.sql.query<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM village v JOIN province p ON p.id = v.province_id
        WHERE p.code = '53' AND (v.is_land_border OR v.is_sea_border OR v.is_migrant_worker_sending_area OR v.distance_to_office_km > 100)
          AND NOT EXISTS (SELECT 1 FROM designation g WHERE g.village_id = v.id AND g.status = 'ACTIVE')`,
    );
    expect(result.data!.villages.totalCount).toBe(row!.count);
    expect(row!.count).toBeGreaterThan(0);
  });

  it('counts reports from the rollups exactly as the rows would, and reads no rows to do it', async () => {
    const cases: { filter: Record<string, unknown>; as?: 'national' | 'kanim'; where: string; fromRollups: boolean }[] =
      [
        { filter: {}, where: 'TRUE', fromRollups: true },
        { filter: { open: true }, where: `r.status IN ('SUBMITTED', 'VERIFIED', 'FOLLOWED_UP')`, fromRollups: true },
        {
          filter: { open: false, types: ['REFUGEES', 'OTHER'] },
          where: `r.status IN ('CLOSED', 'REJECTED') AND r.type IN ('REFUGEES', 'OTHER')`,
          fromRollups: true,
        },
        // A status that contradicts `open` is dropped: VERIFIED only.
        { filter: { open: true, statuses: ['VERIFIED', 'CLOSED'] }, where: `r.status = 'VERIFIED'`, fromRollups: true },
        {
          filter: {
            area: { provinceCodes: ['63'] },
            variants: ['DESA_BINAAN'],
            period: { from: '2026-01-01', to: '2026-06-30' },
          },
          where: `r.province_id = (SELECT id FROM province WHERE code = '63')
            AND (SELECT g.variant::text FROM designation g WHERE g.id = r.designation_id) = 'DESA_BINAAN'
            AND r.submitted_at >= '2026-01-01T00:00:00+07:00' AND r.submitted_at < '2026-07-01T00:00:00+07:00'`,
          fromRollups: true,
        },
        // An office sees its own kabupaten/kota only, whatever it asks.
        {
          filter: { open: true },
          as: 'kanim',
          where: `r.status IN ('SUBMITTED', 'VERIFIED', 'FOLLOWED_UP')
            AND r.regency_id IN (SELECT id FROM regency WHERE code IN ('63.02', '63.10'))`,
          fromRollups: true,
        },
        {
          filter: { area: { provinceCodes: ['53'] } },
          as: 'kanim',
          where: 'FALSE',
          fromRollups: true,
        },
        {
          filter: { area: { districtCodes: ['63.02.15'] } },
          where: `(SELECT v.district_id FROM village v WHERE v.id = r.village_id) = (SELECT id FROM district WHERE code = '63.02.15')`,
          fromRollups: true,
        },
        // By village or by age: counted from the rows.
        {
          filter: { villageCodes: ['63.02.15.2002'] },
          where: `r.village_id = (SELECT id FROM village WHERE code = '63.02.15.2002')`,
          fromRollups: false,
        },
      ];
    for (const { filter, as = 'national', where, fromRollups } of cases) {
      const [expected] = await api.db.sql.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM village_report r WHERE ${where}`,
      );
      api.prismaQueries.length = 0;
      const result = await api.graphql(
        `query($filter: VillageReportFilter) { reports(first: 1, filter: $filter) { totalCount } }`,
        { filter },
        as,
      );
      expect(result.errors, JSON.stringify(filter)).toBeUndefined();
      expect(result.data!.reports.totalCount, JSON.stringify(filter)).toBe(expected!.n);
      const countedRows = api.prismaQueries.some((query) => /COUNT\(/i.test(query));
      expect(countedRows, JSON.stringify(filter)).toBe(!fromRollups);
    }
    // Something to count: the cases are not all zero.
    expect(
      (await api.graphql(`{ reports(first: 1, filter: { open: true }) { totalCount } }`)).data!.reports.totalCount,
    ).toBeGreaterThan(0);
  });

  it('finds task-force members who have not completed every module', async () => {
    const result =
      await api.graphql(`{ incomplete: taskForceMembers(first: 1, filter: { incompleteTraining: true, area: { provinceCodes: ["19"] } }) { totalCount }
      complete: taskForceMembers(first: 1, filter: { incompleteTraining: false, area: { provinceCodes: ["19"] } }) { totalCount }
      all: taskForceMembers(first: 1, filter: { area: { provinceCodes: ["19"] } }) { totalCount } }`);
    expect(result.errors).toBeUndefined();
    const [row] = await api.db.sql.query<{ complete: number }>(
      `SELECT COUNT(*)::int AS complete FROM task_force_member m
         JOIN task_force tf ON tf.id = m.task_force_id JOIN designation g ON g.id = tf.designation_id
         JOIN village v ON v.id = g.village_id JOIN province p ON p.id = v.province_id
        WHERE p.code = '19' AND (SELECT COUNT(DISTINCT a.module_id) FROM training_attendance a WHERE a.member_id = m.id AND a.completed)
              = (SELECT COUNT(*) FROM training_module)`,
    );
    expect(result.data!.complete.totalCount).toBe(row!.complete);
    expect(result.data!.incomplete.totalCount + result.data!.complete.totalCount).toBe(result.data!.all.totalCount);
    expect(result.data!.incomplete.totalCount).toBeGreaterThan(0);
  });

  it('fetches every kind of record again by its global ID', async () => {
    const result = await api.graphql(`{
      province(code: "63") { id } regency(code: "63.02") { id } district(code: "63.02.15") { id } village(code: "63.02.15.2002") { id }
      office(code: "KANIM-BATULICIN") { id }
      designations(first: 1) { edges { node { id } } } reports(first: 1) { edges { node { id } } }
      activities(first: 1) { edges { node { id } } } trainings(first: 1) { edges { node { id } } }
      taskForceMembers(first: 1) { edges { node { id } } } trainingModules { id }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    const ids: string[] = [
      data.province.id,
      data.regency.id,
      data.district.id,
      data.village.id,
      data.office.id,
      data.designations.edges[0].node.id,
      data.reports.edges[0].node.id,
      data.activities.edges[0].node.id,
      data.trainings.edges[0].node.id,
      data.taskForceMembers.edges[0].node.id,
      data.trainingModules[0].id,
    ];
    const nodes = await api.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data!.nodes.map((node: any) => node.__typename)).toEqual([
      'Province',
      'Regency',
      'District',
      'Village',
      'ImmigrationOffice',
      'Designation',
      'VillageReport',
      'Activity',
      'TrainingSession',
      'TaskForceMember',
      'TrainingModule',
    ]);
    expect(nodes.data!.nodes.map((node: any) => node.id)).toEqual(ids);
  });

  it("names a page of villages' kabupaten/kota and province from memory, and reads one it does not hold", async () => {
    const page = `{ villages(first: 20, filter: { area: { provinceCodes: ["63"] } }) {
      edges { node { code regency { code name } province { code name } } } } }`;
    await countQueries(page);
    // Once the areas are held, the page itself is the only query.
    expect(await countQueries(page)).toBe(1);
    const result = await api.graphql(page);
    for (const { node } of result.data!.villages.edges) {
      expect(node.regency.code).toBe(node.code.slice(0, 5));
      expect(node.province).toEqual({ code: '63', name: 'Kalimantan Selatan' });
    }
    // A kabupaten/kota made after the areas were loaded (in practice: by a re-seed) is read from the database.
    const [regency] = await api.db.sql.query<{ id: number }>(
      `INSERT INTO regency (code, name, kind, province_id) SELECT '63.69', 'Kabupaten Uji', 'REGENCY', id FROM province WHERE code = '63' RETURNING id`,
    );
    try {
      await api.db.sql.query(
        `UPDATE village SET regency_id = $1 WHERE code = (SELECT MIN(code) FROM village WHERE code LIKE '63.%')`,
        [regency!.id],
      );
      const moved = await api.graphql(page);
      expect(moved.data!.villages.edges[0].node.regency).toEqual({ code: '63.69', name: 'Kabupaten Uji' });
    } finally {
      await api.db.sql.query(
        `UPDATE village v SET regency_id = r.id FROM regency r WHERE r.code = substr(v.code, 1, 5) AND v.regency_id = $1`,
        [regency!.id],
      );
      await api.db.sql.query('DELETE FROM regency WHERE id = $1', [regency!.id]);
    }
  });

  describe('nested relations resolve without N+1 queries', () => {
    const cases: [string, string][] = [
      [
        'villages with their area, designations, offices and task forces',
        `query($n: Int) { villages(first: $n, filter: { designated: true }) { totalCount edges { node { name
          district { name } regency { name province { name } offices { name } }
          designations { status office { name workingArea { code } } taskForce { formedOn members { role completedModules { code } } } }
        } } } }`,
      ],
      [
        'reports with their village, designation and workflow',
        `query($n: Int) { reports(first: $n) { edges { node { type status ageDays isOpen
          village { name regency { name } } designation { variant office { code } } transitions { toStatus changedAt } } } } }`,
      ],
      [
        'training sessions with modules and attendance',
        `query($n: Int) { trainings(first: $n) { edges { node { heldOn office { name } village { name }
          modules { code } attendances { completed module { code } member { role } } } } } }`,
      ],
      [
        'activities with their places and offices',
        `query($n: Int) { activities(first: $n) { edges { node { title village { name } regency { name province { name } } office { name } } } } }`,
      ],
      [
        'a province with paged villages',
        `query($n: Int) { province(code: "53") { regencies { name districts { name } } villages(first: $n) { totalCount edges { node { name designations { year } } } } } }`,
      ],
    ];
    it.each(cases)('%s', async (_name, query) => {
      // Pages small enough for the cost limit (a page of villages with their task forces is costly).
      const few = await countQueries(query, { n: 2 });
      const many = await countQueries(query, { n: 8 });
      expect(many).toBe(few);
      expect(few).toBeLessThanOrEqual(20);
    });
  });
});
