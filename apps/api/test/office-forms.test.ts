// The writes behind the offices' forms (issue 15): task-force members edited and ended under optimistic
// concurrency, training attendance kept to the village's own task force, work-plan targets set by a
// Kanwil, and every problem a write finds in the records reported at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_FIELDS, expectRefused, refusedPaths } from './support/mutation-checks.js';
import { createSeededApi, SEED_TODAY, type SeededApi } from './support/seeded-api.js';

interface Member {
  id: string;
  version: number;
  role: string;
  joinedOn: string;
  leftOn: string | null;
}
interface ActiveVillage {
  village: { code: string; name: string };
  taskForce: { members: Member[] };
}

describe('office forms', () => {
  let api: SeededApi;
  let villages: ActiveVillage[];

  beforeAll(async () => {
    api = await createSeededApi();
    const result = await api.graphql(
      `{ designations(first: 50, filter: { area: { regencyCodes: ["63.02"] }, statuses: [ACTIVE] }) {
          edges { node { village { code name } taskForce { members { id version role joinedOn leftOn } } } } } }`,
      {},
      'kanim',
    );
    villages = result
      .data!.designations.edges.map((edge: { node: ActiveVillage }) => edge.node)
      .filter((node: ActiveVillage) => node.taskForce?.members.some((member) => member.leftOn === null));
    expect(villages.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await api.dispose();
  });

  const current = (village: ActiveVillage) => village.taskForce.members.filter((member) => member.leftOn === null);

  describe('task-force members', () => {
    const update = `mutation($input: UpdateTaskForceMemberInput!) { updateTaskForceMember(input: $input) {
      ${ERROR_FIELDS} ... on TaskForceMemberChangedError { path member { id version role } }
      ... on MutationUpdateTaskForceMemberSuccess { data { id version role fullName phone } } } }`;
    const end = `mutation($input: EndTaskForceMembershipInput!) { endTaskForceMembership(input: $input) {
      ${ERROR_FIELDS} ... on TaskForceMemberChangedError { path member { id version leftOn } }
      ... on MutationEndTaskForceMembershipSuccess { data { id version leftOn } } } }`;

    it('corrects a member, and refuses the second of two officers who saw the same version', async () => {
      const member =
        current(villages[0]!).find((candidate) => candidate.role === 'COMMUNITY_FIGURE') ?? current(villages[0]!)[0]!;
      const first = await api.graphql(
        update,
        {
          input: {
            memberId: member.id,
            expectedVersion: member.version,
            fullName: 'Yohana Lete',
            phone: '081298765432',
          },
        },
        'kanim',
      );
      expect(first.data!.updateTaskForceMember).toMatchObject({
        __typename: 'MutationUpdateTaskForceMemberSuccess',
        data: { id: member.id, version: member.version + 1, fullName: 'Yohana Lete', phone: '081298765432' },
      });
      // The audit trail says a name changed, never what it is.
      const [entry] = await api.db.sql.query<{ after: string }>(
        `SELECT after::text FROM audit_log WHERE action = 'updateTaskForceMember' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry!.after).toContain('fullName');
      expect(entry!.after).not.toContain('Yohana');
      expect(entry!.after).not.toContain('081298765432');

      const second = await expectRefused(
        api,
        update,
        'updateTaskForceMember',
        { input: { memberId: member.id, expectedVersion: member.version, fullName: 'Nama Lain' } },
        'TaskForceMemberChangedError',
        ['input', 'expectedVersion'],
      );
      expect(second.member).toMatchObject({ id: member.id, version: member.version + 1 });
    });

    it('keeps names and phones to roles allowed personal data', async () => {
      const member = current(villages[0]!)[0]!;
      const token = await api.issueToken('kanim', ['RECORDS_WRITE', 'RECORDS_READ'], 'KANIM-BATULICIN');
      await expectRefused(
        api,
        update,
        'updateTaskForceMember',
        { input: { memberId: member.id, expectedVersion: member.version + 5, phone: '081200000000' } },
        'ForbiddenError',
        ['input', 'phone'],
        { token },
      );
    });

    it('ends a membership from a day, reporting every bad field at once', async () => {
      const member = current(villages[1]!)[0]!;
      await expectRefused(
        api,
        end,
        'endTaskForceMembership',
        { input: { memberId: member.id, expectedVersion: member.version, leftOn: '2099-01-01' } },
        'InputValidationError',
        ['input', 'leftOn'],
      );
      await expectRefused(
        api,
        end,
        'endTaskForceMembership',
        { input: { memberId: member.id, expectedVersion: member.version, leftOn: '2001-01-01' } },
        'InputValidationError',
        ['input', 'leftOn'],
      );
      const ended = await api.graphql(
        end,
        { input: { memberId: member.id, expectedVersion: member.version, leftOn: SEED_TODAY } },
        'kanim',
      );
      expect(ended.data!.endTaskForceMembership).toMatchObject({
        __typename: 'MutationEndTaskForceMembershipSuccess',
        data: { leftOn: SEED_TODAY, version: member.version + 1 },
      });
      // Ended once is ended: a second end (even with the fresh version) is refused, with a bad date beside it.
      const both = await expectRefused(
        api,
        end,
        'endTaskForceMembership',
        { input: { memberId: member.id, expectedVersion: member.version + 1, leftOn: '2099-01-01' } },
        'InputValidationError',
      );
      expect(refusedPaths(both)).toEqual([
        ['input', 'memberId'],
        ['input', 'leftOn'],
      ]);
    });

    it('refuses a member outside the area, as if it were not there to change', async () => {
      const outside = await api.graphql(
        `{ taskForceMembers(first: 1, filter: { area: { provinceCodes: ["53"] }, current: true }) { edges { node { id version } } } }`,
        {},
        'national',
      );
      const member = outside.data!.taskForceMembers.edges[0].node;
      await expectRefused(
        api,
        end,
        'endTaskForceMembership',
        { input: { memberId: member.id, expectedVersion: member.version, leftOn: SEED_TODAY } },
        'ForbiddenError',
        ['input', 'memberId'],
      );
    });
  });

  describe('training sessions', () => {
    const record = `mutation($input: RecordTrainingSessionInput!) { recordTrainingSession(input: $input) {
      ${ERROR_FIELDS} ... on MutationRecordTrainingSessionSuccess { data { id } } } }`;
    const session = (village: ActiveVillage, members: Member[], extra: object = {}) => ({
      input: {
        officeCode: 'KANIM-BATULICIN',
        heldOn: SEED_TODAY,
        place: 'Balai Desa',
        villageCode: village.village.code,
        moduleCodes: ['PASSPORT_MPASPOR'],
        attendance: members.map((member) => ({ memberId: member.id, moduleCode: 'PASSPORT_MPASPOR', completed: true })),
        ...extra,
      },
    });

    it("refuses attendance for a member of another village's task force", async () => {
      const [here, there] = [villages[2] ?? villages[0]!, villages[3] ?? villages[1]!];
      const stranger = current(there)[0]!;
      const refusal = await expectRefused(
        api,
        record,
        'recordTrainingSession',
        session(here, [current(here)[0]!, stranger]),
        'ConflictError',
        ['input', 'attendance', '1', 'memberId'],
      );
      expect(refusal.message).toContain(there.village.name);
    });

    it('reports every problem in one answer', async () => {
      const [here, there] = [villages[2] ?? villages[0]!, villages[3] ?? villages[1]!];
      const refusal = await expectRefused(
        api,
        record,
        'recordTrainingSession',
        session(here, [current(there)[0]!], { officeCode: 'KANIM-NOWHERE' }),
        'InputValidationError',
      );
      expect(refusedPaths(refusal)).toEqual(
        expect.arrayContaining([
          ['input', 'officeCode'],
          ['input', 'attendance', '0', 'memberId'],
        ]),
      );
    });
  });

  describe('work-plan targets', () => {
    const set = `mutation($input: SetWorkPlanTargetsInput!) { setWorkPlanTargets(input: $input) {
      ${ERROR_FIELDS} ... on TargetsChangedError { path }
      ... on MutationSetWorkPlanTargetsSuccess { data { year villagesToDesignate membersToTrain version regency { code } } } } }`;
    const year = Number(SEED_TODAY.slice(0, 4)) + 1;
    const coverage = `query($from: Date!, $to: Date!) { coverage(filter: { area: { provinceCodes: ["53"] }, period: { from: $from, to: $to } }, groupBy: PROVINCE) {
      rows { area { code } target } } }`;

    it("lets a Kanwil set its kabupaten/kota's targets; the province's becomes their sum", async () => {
      const result = await api.graphql(
        set,
        {
          input: {
            provinceCode: '53',
            year,
            regencies: [
              { regencyCode: '53.18', villagesToDesignate: 4, membersToTrain: 40 },
              { regencyCode: '53.71', villagesToDesignate: 2, membersToTrain: 15 },
            ],
          },
        },
        'kanwil',
      );
      expect(result.errors).toBeUndefined();
      const rows = result.data!.setWorkPlanTargets.data;
      expect(rows).toEqual([
        { year, villagesToDesignate: 4, membersToTrain: 40, version: 1, regency: { code: '53.18' } },
        { year, villagesToDesignate: 2, membersToTrain: 15, version: 1, regency: { code: '53.71' } },
      ]);
      const [province] = await api.db.sql.query<{ villages: number; members: number }>(
        `SELECT villages_to_designate AS villages, members_to_train AS members FROM province_target t
           JOIN province p ON p.id = t.province_id WHERE p.code = '53' AND t.year = $1`,
        [year],
      );
      expect(province).toEqual({ villages: 6, members: 55 });
      const read = await api.graphql(coverage, { from: `${year}-01-01`, to: `${year}-12-31` }, 'national');
      expect(read.errors).toBeUndefined();
      expect(read.data!.coverage.rows).toEqual([{ area: { code: '53' }, target: 6 }]);
    });

    it('refuses a stale version, a Kanim, another province and more villages than exist: nothing written', async () => {
      const input = (regencies: object[]) => ({ input: { provinceCode: '53', year, regencies } });
      await expectRefused(
        api,
        set,
        'setWorkPlanTargets',
        input([{ regencyCode: '53.18', villagesToDesignate: 5, membersToTrain: 40 }]),
        'TargetsChangedError',
        ['input', 'regencies', '0'],
        'kanwil',
      );
      await expectRefused(
        api,
        set,
        'setWorkPlanTargets',
        input([{ regencyCode: '53.18', villagesToDesignate: 5, membersToTrain: 40, expectedVersion: 1 }]),
        'ForbiddenError',
        undefined,
        'kanim',
      );
      await expectRefused(
        api,
        set,
        'setWorkPlanTargets',
        input([{ regencyCode: '63.02', villagesToDesignate: 1, membersToTrain: 1 }]),
        'ForbiddenError',
        ['input', 'regencies', '0', 'regencyCode'],
        'kanwil',
      );
      const many = await expectRefused(
        api,
        set,
        'setWorkPlanTargets',
        input([
          { regencyCode: '53.18', villagesToDesignate: 100_000, membersToTrain: 40, expectedVersion: 1 },
          { regencyCode: '53.71', villagesToDesignate: 2, membersToTrain: 10_000_000, expectedVersion: 1 },
        ]),
        'InputValidationError',
        undefined,
        'kanwil',
      );
      expect(refusedPaths(many)).toEqual([
        ['input', 'regencies', '0', 'villagesToDesignate'],
        ['input', 'regencies', '1', 'membersToTrain'],
      ]);
    });
  });

  it("records a Timpora meeting's topics", async () => {
    const result = await api.graphql(
      `mutation($input: RecordActivityInput!) { recordActivity(input: $input) {
        ${ERROR_FIELDS} ... on MutationRecordActivitySuccess { data { type topics agenciesPresent } } } }`,
      {
        input: {
          type: 'TIMPORA_MEETING',
          title: 'Rapat Timpora triwulan IV',
          heldOn: SEED_TODAY,
          place: 'Kantor Imigrasi Batulicin',
          regencyCode: '63.02',
          officeCode: 'KANIM-BATULICIN',
          agenciesPresent: ['Polres', 'Kodim'],
          attendeeCount: 18,
          topics: ['Tenaga kerja asing di perkebunan', 'Pengawasan pelabuhan'],
        },
      },
      'kanim',
    );
    expect(result.data!.recordActivity).toEqual({
      __typename: 'MutationRecordActivitySuccess',
      data: {
        type: 'TIMPORA_MEETING',
        topics: ['Tenaga kerja asing di perkebunan', 'Pengawasan pelabuhan'],
        agenciesPresent: ['Polres', 'Kodim'],
      },
    });
  });
});
