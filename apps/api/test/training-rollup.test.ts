// The training rollup against the records it counts. After random sequences of writes in SQL (members
// joining and leaving, attendance recorded and removed, sessions moved in time, designations' status
// changed from any day, back-dated ones included), trainingCompletion through the API equals a count from
// the records as of several dates (members present whose designation was ACTIVE that day, by its status
// history), the member list's total count (from the roster counts) equals a count of the members, and
// the kept rollup equals a rebuild. Members also change role and leave the records, villages move to
// another kecamatan, task forces to another designation and designations to another village.
import { traineeRoles } from '@binaan/domain';
import fc from 'fast-check';
import { expect } from 'vitest';
import { describeRollupProperty, pick } from './support/rollup-property.js';
import { demoAccounts } from './support/seeded-api.js';

/**
 * Members present at $1 whose designation's status in force that day was ACTIVE, per province; those
 * who completed every module; and per module.
 */
const RAW_TRAINING = `
  WITH in_force AS (
    SELECT DISTINCT ON (c.designation_id) c.designation_id, c.to_status FROM designation_status_change c
     WHERE c.effective_on <= $1::date ORDER BY c.designation_id, c.effective_on DESC, c.id DESC
  ), members AS (
    SELECT m.id, p.code FROM task_force_member m
      JOIN task_force tf ON tf.id = m.task_force_id JOIN in_force s ON s.designation_id = tf.designation_id
      JOIN designation g ON g.id = tf.designation_id
      JOIN village v ON v.id = g.village_id JOIN province p ON p.id = v.province_id
     WHERE m.role <> 'IMMIGRATION_OFFICER' AND s.to_status = 'ACTIVE'
       AND m.joined_on <= $1::date AND (m.left_on IS NULL OR m.left_on > $1::date)
  ), done AS (
    SELECT DISTINCT a.member_id, a.module_id FROM training_attendance a JOIN training_session s ON s.id = a.session_id
     WHERE a.completed AND s.held_on <= $1::date
  )
  SELECT mb.code || ' members ' || COUNT(*) || ' all ' ||
         COUNT(*) FILTER (WHERE (SELECT COUNT(*) FROM done d WHERE d.member_id = mb.id) = (SELECT COUNT(*) FROM training_module)) AS line
    FROM members mb GROUP BY mb.code
  UNION ALL
  SELECT mb.code || ' module ' || mo.id || ' ' || COUNT(d.member_id) FROM members mb CROSS JOIN training_module mo
    LEFT JOIN done d ON d.member_id = mb.id AND d.module_id = mo.id GROUP BY mb.code, mo.id`;

const KEPT = `SELECT grain || period_start || area_level || area_id || variant || module_id || '=' || present || '/' || completed AS line
  FROM training_rollup WHERE present <> 0 OR completed <> 0
  UNION ALL
  SELECT 'member ' || id || ' completed ' || modules_completed || ' modules' FROM task_force_member
  UNION ALL
  SELECT 'roster ' || area_level || area_id || ' ' || role || ' ' || current || ' ' || modules_completed || '=' || members
    FROM member_roster_count WHERE members <> 0`;

/**
 * Members matching the member list's filter, counted from the records: modules completed from the
 * attendance itself (not the kept count), areas by code. Each parameter null: any.
 */
const RAW_MEMBER_COUNT = `
  SELECT COUNT(*)::int AS id FROM task_force_member m
    JOIN task_force tf ON tf.id = m.task_force_id JOIN designation g ON g.id = tf.designation_id
    JOIN village v ON v.id = g.village_id JOIN province p ON p.id = v.province_id
    JOIN regency r ON r.id = v.regency_id JOIN district dist ON dist.id = v.district_id
   WHERE ($1::text[] IS NULL OR m.role::text = ANY($1::text[]))
     AND ($2::boolean IS NULL OR (m.left_on IS NULL) = $2::boolean)
     AND ($3::boolean IS NULL OR ((SELECT COUNT(DISTINCT a.module_id) FROM training_attendance a
                                    WHERE a.member_id = m.id AND a.completed) < (SELECT COUNT(*) FROM training_module)) = $3::boolean)
     AND ($4::text IS NULL OR p.code = $4::text) AND ($5::text IS NULL OR r.code = $5::text)
     AND ($6::text IS NULL OR dist.code = $6::text) AND ($7::int[] IS NULL OR r.id = ANY($7::int[]))`;

interface MemberFilter {
  roles?: string[];
  current?: boolean;
  incompleteTraining?: boolean;
  area?: { provinceCodes?: string[]; regencyCodes?: string[]; districtCodes?: string[] };
}

describeRollupProperty('training rollup', (probe) => {
  const { lines, ids } = probe;

  const write = fc.oneof(
    fc.record({
      kind: fc.constant('join'),
      pick: fc.nat(),
      days: fc.integer({ min: 0, max: 1200 }),
      officer: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('leave'), pick: fc.nat(), days: fc.integer({ min: -30, max: 700 }) }),
    fc.record({
      kind: fc.constant('attend'),
      pick: fc.nat(),
      session: fc.nat(),
      module: fc.nat(),
      completed: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('unattend'), pick: fc.nat() }),
    fc.record({ kind: fc.constant('reschedule'), session: fc.nat(), days: fc.integer({ min: -400, max: 400 }) }),
    fc.record({
      kind: fc.constant('role'),
      pick: fc.nat(),
      role: fc.constantFrom('VILLAGE_HEAD', 'COMMUNITY_FIGURE', 'IMMIGRATION_OFFICER'),
    }),
    fc.record({ kind: fc.constant('remove'), pick: fc.nat() }),
    fc.record({ kind: fc.constant('relocate'), pick: fc.nat(), district: fc.nat() }),
    fc.record({ kind: fc.constant('retask'), pick: fc.nat(), designation: fc.nat() }),
    fc.record({ kind: fc.constant('redesignate'), pick: fc.nat(), village: fc.nat() }),
    fc.record({
      kind: fc.constant('status'),
      pick: fc.nat(),
      status: fc.constantFrom('ACTIVE', 'SUSPENDED', 'ENDED'),
      days: fc.integer({ min: 0, max: 1300 }),
    }),
  );
  type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

  async function apply(step: Write) {
    const sql = probe.api.db.sql;
    switch (step.kind) {
      case 'join': {
        const taskForce = pick(await ids('SELECT id FROM task_force ORDER BY id'), step.pick);
        await sql.query(
          `INSERT INTO task_force_member (task_force_id, role, full_name, joined_on)
           VALUES ($1, $2::task_force_role, 'Anggota Uji', DATE '2023-06-01' + $3::int)`,
          [taskForce, step.officer ? 'IMMIGRATION_OFFICER' : 'COMMUNITY_FIGURE', step.days],
        );
        return;
      }
      case 'leave': {
        const member = pick(await ids('SELECT id FROM task_force_member ORDER BY id'), step.pick);
        await sql.query(`UPDATE task_force_member SET left_on = joined_on + $2::int WHERE id = $1`, [
          member,
          step.days,
        ]);
        return;
      }
      case 'attend': {
        const member = pick(await ids('SELECT id FROM task_force_member ORDER BY id'), step.pick);
        const session = pick(await ids('SELECT id FROM training_session ORDER BY id'), step.session);
        const module = pick(await ids('SELECT id FROM training_module ORDER BY id'), step.module);
        await sql.query(
          `INSERT INTO training_attendance (session_id, member_id, module_id, attended, completed) VALUES ($1, $2, $3, TRUE, $4)
           ON CONFLICT (session_id, member_id, module_id) DO UPDATE SET completed = EXCLUDED.completed`,
          [session, member, module, step.completed],
        );
        return;
      }
      case 'unattend': {
        const attendance = pick(await ids('SELECT id FROM training_attendance ORDER BY id'), step.pick);
        await sql.query('DELETE FROM training_attendance WHERE id = $1', [attendance]);
        return;
      }
      case 'reschedule': {
        const session = pick(await ids('SELECT id FROM training_session ORDER BY id'), step.session);
        await sql.query('UPDATE training_session SET held_on = held_on + $2::int WHERE id = $1', [session, step.days]);
        return;
      }
      case 'role': {
        const member = pick(await ids('SELECT id FROM task_force_member ORDER BY id'), step.pick);
        await sql.query('UPDATE task_force_member SET role = $2::task_force_role WHERE id = $1', [member, step.role]);
        return;
      }
      case 'remove': {
        const member = pick(await ids('SELECT id FROM task_force_member ORDER BY id'), step.pick);
        await sql.query('DELETE FROM training_attendance WHERE member_id = $1', [member]);
        await sql.query('DELETE FROM task_force_member WHERE id = $1', [member]);
        return;
      }
      case 'relocate': {
        // A decree re-draws a kecamatan's border: a village with a task force moves to another kecamatan.
        const village = pick(
          await ids(
            'SELECT g.village_id AS id FROM task_force tf JOIN designation g ON g.id = tf.designation_id ORDER BY 1',
          ),
          step.pick,
        );
        const district = pick(await ids('SELECT id FROM district ORDER BY id'), step.district);
        await sql.query(
          `UPDATE village v SET district_id = d.id, regency_id = d.regency_id, province_id = d.province_id
             FROM district d WHERE v.id = $1 AND d.id = $2`,
          [village, district],
        );
        return;
      }
      case 'retask': {
        // A task force recorded under the wrong designation is moved to one that has none.
        const taskForce = pick(await ids('SELECT id FROM task_force ORDER BY id'), step.pick);
        const free = await ids(
          'SELECT g.id FROM designation g WHERE NOT EXISTS (SELECT 1 FROM task_force tf WHERE tf.designation_id = g.id) ORDER BY g.id',
        );
        if (free.length === 0) return;
        await sql.query('UPDATE task_force SET designation_id = $2 WHERE id = $1', [
          taskForce,
          pick(free, step.designation),
        ]);
        return;
      }
      case 'redesignate': {
        // A designation recorded for the wrong village is moved to one that has none.
        const designation = pick(await ids('SELECT tf.designation_id AS id FROM task_force tf ORDER BY 1'), step.pick);
        const village = pick(
          await ids(
            'SELECT v.id FROM village v WHERE NOT EXISTS (SELECT 1 FROM designation g WHERE g.village_id = v.id) ORDER BY v.id LIMIT 500',
          ),
          step.village,
        );
        await sql.query('UPDATE designation SET village_id = $2 WHERE id = $1', [designation, village]);
        return;
      }
      case 'status': {
        // A change effective any day from mid-2023 to late 2026: after, between or before the others.
        const designation = pick(await ids('SELECT id FROM designation ORDER BY id'), step.pick);
        await sql.query(
          `INSERT INTO designation_status_change (designation_id, to_status, effective_on, recorded_by)
           VALUES ($1, $2::designation_status, DATE '2023-06-01' + $3::int, 'test')`,
          [designation, step.status, step.days],
        );
      }
    }
  }

  async function fromApi(to: string | null): Promise<string[]> {
    const result = await probe.api.graphql(
      `query($filter: AnalyticsFilter) { trainingCompletion(groupBy: PROVINCE, filter: $filter) {
         rows { area { code } members completedAll { numerator } modules { module { id } completed { numerator } } } } }`,
      { filter: to ? { period: { from: '2015-01-01', to } } : null },
      'national',
    );
    expect(result.errors).toBeUndefined();
    return result
      .data!.trainingCompletion.rows.flatMap((row: any) => [
        `${row.area.code} members ${row.members} all ${row.completedAll.numerator}`,
        ...row.modules.map(
          (module: any) =>
            `${row.area.code} module ${Buffer.from(module.module.id, 'base64').toString().split(':')[1]} ${module.completed.numerator}`,
        ),
      ])
      .sort();
  }

  const asOf = ['2024-06-30', '2025-12-31', '2026-11-24', null];

  async function memberCount(filter: MemberFilter | null, as: 'national' | 'kanim'): Promise<number> {
    const result = await probe.api.graphql(
      `query($filter: TaskForceMemberFilter) { taskForceMembers(first: 1, filter: $filter) { totalCount } }`,
      { filter },
      as,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.taskForceMembers.totalCount;
  }

  /** The member list's total count for several filters, as national leadership and as one office. */
  async function checkMemberCounts() {
    const [area] = await probe.api.db.sql.query<{ province: string; regency: string; district: string }>(
      `SELECT p.code AS province, r.code AS regency, dist.code AS district FROM task_force_member m
         JOIN task_force tf ON tf.id = m.task_force_id JOIN designation g ON g.id = tf.designation_id
         JOIN village v ON v.id = g.village_id JOIN province p ON p.id = v.province_id
         JOIN regency r ON r.id = v.regency_id JOIN district dist ON dist.id = v.district_id
        ORDER BY m.id LIMIT 1`,
    );
    const filters: MemberFilter[] = [
      {},
      { current: true, incompleteTraining: true, roles: [...traineeRoles] },
      { incompleteTraining: false },
      { current: false, roles: ['VILLAGE_HEAD', 'IMMIGRATION_OFFICER'] },
      { area: { provinceCodes: [area!.province] }, incompleteTraining: true },
      { area: { regencyCodes: [area!.regency] }, current: true },
      { area: { districtCodes: [area!.district] } },
    ];
    const [office] = await probe.api.db.sql.query<{ regencies: number[] }>(
      `SELECT array_agg(w.regency_id) AS regencies FROM app_user u JOIN office_working_area w ON w.office_id = u.office_id
        WHERE u.email = $1`,
      [demoAccounts.kanim],
    );
    const expected = async (filter: MemberFilter, regencies: number[] | null) => {
      const [row] = await probe.ids(RAW_MEMBER_COUNT, [
        filter.roles ?? null,
        filter.current ?? null,
        filter.incompleteTraining ?? null,
        filter.area?.provinceCodes?.[0] ?? null,
        filter.area?.regencyCodes?.[0] ?? null,
        filter.area?.districtCodes?.[0] ?? null,
        regencies,
      ]);
      return row;
    };
    for (const filter of filters) {
      expect(await memberCount(filter, 'national'), JSON.stringify(filter)).toBe(await expected(filter, null));
      expect(await memberCount(filter, 'kanim'), `kanim ${JSON.stringify(filter)}`).toBe(
        await expected(filter, office!.regencies),
      );
    }
  }

  return {
    families: ['training'],
    kept: KEPT,
    write,
    apply,
    invariant: {
      title: 'answers as the records do, as of several dates, after random writes',
      async check() {
        for (const to of asOf) expect(await fromApi(to)).toEqual(await lines(RAW_TRAINING, [to ?? 'infinity']));
        await checkMemberCounts();
      },
    },
    runs: 6,
  };
});
