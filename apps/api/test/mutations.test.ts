// Every mutation: a good input is stored; a bad input gets a typed error in the payload and changes
// nothing in the database (checked with a fingerprint of every table the mutations write).
import { MAX_TASK_FORCE_MEMBERS } from '@binaan/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeId, encodeId, ERROR_FIELDS, expectRefused as refused, fingerprint } from './support/mutation-checks.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

describe('mutations', () => {
  let api: SeededApi;
  let villageCode: string;
  let designationId: string;

  beforeAll(async () => {
    api = await createSeededApi();
    const free =
      await api.graphql(`{ villages(first: 1, filter: { area: { regencyCodes: ["63.02"] }, designated: false, kind: DESA }) {
      edges { node { code } } } }`);
    villageCode = free.data!.villages.edges[0].node.code;
  });
  afterAll(async () => {
    await api.dispose();
  });

  const expectRefused = (
    mutation: string,
    field: string,
    variables: Record<string, unknown>,
    typename: string,
    path?: string[],
  ) => refused(api, mutation, field, variables, typename, path);

  describe('designateVillage', () => {
    const mutation = `mutation($input: DesignateVillageInput!) { designateVillage(input: $input) {
      ${ERROR_FIELDS} ... on MutationDesignateVillageSuccess { data { id variant status year inauguratedOn decreeNumber decreeDate
        officerName office { code } village { code } selectionReasons } } } }`;
    const valid = () => ({
      villageCode,
      variant: 'DESA_BINAAN',
      officeCode: 'KANIM-BATULICIN',
      year: 2026,
      status: 'ACTIVE',
      inauguratedOn: '2026-11-02',
      decreeNumber: 'SK/TEST/2026/1',
      decreeDate: '2026-10-20',
      officerName: 'Rahmat Hidayat',
      selectionReasons: ['FAR_FROM_OFFICE'],
    });

    it('designates a village', async () => {
      const result = await api.graphql(mutation, { input: valid() }, 'kanim');
      expect(result.errors).toBeUndefined();
      const designation = result.data!.designateVillage.data;
      expect(designation).toMatchObject({
        variant: 'DESA_BINAAN',
        status: 'ACTIVE',
        year: 2026,
        inauguratedOn: '2026-11-02',
        decreeNumber: 'SK/TEST/2026/1',
        decreeDate: '2026-10-20',
        // The office's account may see personal data; national leadership's may not (below).
        officerName: 'Rahmat Hidayat',
        office: { code: 'KANIM-BATULICIN' },
        village: { code: villageCode },
        selectionReasons: ['FAR_FROM_OFFICE'],
      });
      designationId = designation.id;
      const asLeadership = await api.graphql(
        `query($id: ID!) { node(id: $id) { ... on Designation { officerName decreeDate } } }`,
        { id: designationId },
        'national',
      );
      expect(asLeadership.data!.node).toEqual({ officerName: null, decreeDate: '2026-10-20' });
      const [audited] = await api.db.sql.query<{ after: Record<string, unknown> }>(
        `SELECT after FROM audit_log WHERE action = 'designateVillage' ORDER BY id DESC LIMIT 1`,
      );
      expect(audited!.after).not.toHaveProperty('officerName');
      expect(audited!.after).toMatchObject({ decreeNumber: 'SK/TEST/2026/1' });
      const node = await api.graphql(`query($id: ID!) { node(id: $id) { ... on Designation { village { code } } } }`, {
        id: designationId,
      });
      expect(node.data!.node.village.code).toBe(villageCode);
    });

    it('refuses bad input and writes nothing', async () => {
      await expectRefused(mutation, 'designateVillage', { input: valid() }, 'ConflictError', ['input', 'variant']);
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), villageCode: '63.02.15.9999' } },
        'NotFoundError',
        ['input', 'villageCode'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), villageCode: '63.02' } },
        'InputValidationError',
        ['input', 'villageCode'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), variant: 'IMIGRASI_CORNER', officeCode: 'KANIM-KUPANG' } },
        'ConflictError',
        ['input', 'officeCode'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), villageCode: '53.18.01.2001' } },
        'ForbiddenError',
        ['input', 'villageCode'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), variant: 'IMIGRASI_CORNER', officeCode: 'KANIM-NOPE' } },
        'NotFoundError',
        ['input', 'officeCode'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), variant: 'IMIGRASI_CORNER', inauguratedOn: null } },
        'InputValidationError',
        ['input', 'inauguratedOn'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), variant: 'IMIGRASI_CORNER', inauguratedOn: '2099-01-01', year: 2099 } },
        'InputValidationError',
        ['input', 'inauguratedOn'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), variant: 'IMIGRASI_CORNER', year: 1999 } },
        'InputValidationError',
        ['input', 'year'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), variant: 'IMIGRASI_CORNER', status: 'ENDED' } },
        'InputValidationError',
        ['input', 'status'],
      );
      await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), variant: 'IMIGRASI_CORNER', officerName: '<b>x</b>' } },
        'InputValidationError',
        ['input', 'officerName'],
      );
    });

    it('reports every invalid field at once: an SK dated in the future beside an inauguration outside the year', async () => {
      const refused = await expectRefused(
        mutation,
        'designateVillage',
        { input: { ...valid(), variant: 'IMIGRASI_CORNER', decreeDate: '2999-01-01', inauguratedOn: '2025-06-01' } },
        'InputValidationError',
      );
      expect(refused.issues.map((issue: { path: string[] }) => issue.path)).toEqual([
        ['input', 'inauguratedOn'],
        ['input', 'decreeDate'],
      ]);
    });

    it('rejects values the schema does not know before anything runs', async () => {
      const before = await fingerprint(api);
      const result = await api.graphql(mutation, { input: { ...valid(), variant: 'NOT_A_VARIANT' } }, 'kanim');
      expect(result.errors?.[0]?.message).toMatch(/NOT_A_VARIANT/);
      expect(result.data).toBeUndefined();
      expect(await fingerprint(api)).toEqual(before);
    });
  });

  let memberId: string;
  describe('changeDesignationStatus', () => {
    const mutation = `mutation($input: ChangeDesignationStatusInput!) { changeDesignationStatus(input: $input) {
      ${ERROR_FIELDS} ... on DesignationChangedError { path designation { status } } ... on MutationChangeDesignationStatusSuccess { data { status inauguratedOn
        statusHistory { fromStatus toStatus effectiveOn recordedBy reason } } } } }`;
    const coverageOn = async (to: string) => {
      const result = await api.graphql(
        `query($to: Date!) { coverage(groupBy: REGENCY, filter: { area: { regencyCodes: ["63.02"] }, period: { from: "2026-01-01", to: $to } }) {
          rows { designatedVillages } } }`,
        { to },
        'kanim',
      );
      expect(result.errors).toBeUndefined();
      return result.data!.coverage.rows[0].designatedVillages as number;
    };
    const change = (input: Record<string, unknown>) =>
      api.graphql(mutation, { input: { designationId, ...input } }, 'kanim');

    it('suspends and resumes from the day each took effect, and earlier figures keep what was in force then', async () => {
      const before = { nov10: await coverageOn('2026-11-10'), nov25: await coverageOn('2026-11-25') };
      const suspended = await change({
        toStatus: 'SUSPENDED',
        effectiveOn: '2026-11-20',
        reason: 'Satgas belum aktif.',
      });
      expect(suspended.errors).toBeUndefined();
      expect(suspended.data!.changeDesignationStatus.data).toEqual({
        status: 'SUSPENDED',
        inauguratedOn: '2026-11-02',
        statusHistory: [
          {
            fromStatus: null,
            toStatus: 'ACTIVE',
            effectiveOn: '2026-11-02',
            recordedBy: expect.stringMatching(/^user:/),
            reason: null,
          },
          {
            fromStatus: 'ACTIVE',
            toStatus: 'SUSPENDED',
            effectiveOn: '2026-11-20',
            recordedBy: expect.stringMatching(/^user:/),
            reason: 'Satgas belum aktif.',
          },
        ],
      });
      // The village counted on 10 November still is; from 20 November it is not.
      expect(await coverageOn('2026-11-10')).toBe(before.nov10);
      expect(await coverageOn('2026-11-25')).toBe(before.nov25 - 1);

      const resumed = await change({ toStatus: 'ACTIVE', effectiveOn: '2026-11-28', expectedStatus: 'SUSPENDED' });
      expect(resumed.data!.changeDesignationStatus.data.status).toBe('ACTIVE');
      expect(await coverageOn('2026-11-25')).toBe(before.nov25 - 1);
      expect(await coverageOn('2026-11-30')).toBe(before.nov25);
      const audited = await api.db.sql.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE entity = 'Designation' AND entity_id = $1 ORDER BY id`,
        [String(decodeId(designationId))],
      );
      expect(audited.map((row) => row.action)).toEqual([
        'designateVillage',
        'changeDesignationStatus',
        'changeDesignationStatus',
      ]);
    });

    it('refuses bad changes and writes nothing', async () => {
      const field = 'changeDesignationStatus';
      const input = (extra: Record<string, unknown>) => ({ input: { designationId, ...extra } });
      await expectRefused(
        mutation,
        field,
        input({ toStatus: 'ENDED', effectiveOn: '2026-11-30' }),
        'InputValidationError',
        ['input', 'reason'],
      );
      await expectRefused(
        mutation,
        field,
        input({ toStatus: 'SUSPENDED', effectiveOn: '2999-01-01', reason: 'x' }),
        'InputValidationError',
        ['input', 'effectiveOn'],
      );
      await expectRefused(
        mutation,
        field,
        input({ toStatus: 'SUSPENDED', effectiveOn: '2026-11-21', reason: 'Sebelum perubahan terakhir.' }),
        'InputValidationError',
        ['input', 'effectiveOn'],
      );
      await expectRefused(mutation, field, input({ toStatus: 'ACTIVE', effectiveOn: '2026-11-30' }), 'ConflictError', [
        'input',
        'toStatus',
      ]);
      await expectRefused(
        mutation,
        field,
        input({ toStatus: 'ENDED', effectiveOn: '2026-11-30', reason: 'x', expectedStatus: 'SUSPENDED' }),
        'DesignationChangedError',
        ['input', 'expectedStatus'],
      );
      const stale = await api.graphql(
        mutation,
        input({ toStatus: 'ENDED', effectiveOn: '2026-11-30', reason: 'x', expectedStatus: 'PLANNED' }),
        'kanim',
      );
      expect(stale.data!.changeDesignationStatus.designation).toEqual({ status: 'ACTIVE' });
      const [elsewhere] = await api.db.sql.query<{ id: number }>(
        `SELECT g.id FROM designation g JOIN village v ON v.id = g.village_id JOIN province p ON p.id = v.province_id
          WHERE p.code = '53' AND g.status = 'ACTIVE' ORDER BY g.id LIMIT 1`,
      );
      await expectRefused(
        mutation,
        field,
        {
          input: {
            designationId: encodeId('Designation', elsewhere!.id),
            toStatus: 'ENDED',
            effectiveOn: '2026-11-30',
            reason: 'x',
          },
        },
        'ForbiddenError',
      );
    });
  });

  describe('addTaskForceMember', () => {
    const mutation = `mutation($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) {
      ${ERROR_FIELDS} ... on MutationAddTaskForceMemberSuccess { data { id role joinedOn isSynthetic taskForce { formedOn designation { id } } } } } }`;
    const valid = () => ({
      designationId,
      role: 'VILLAGE_HEAD',
      fullName: 'Siti Rahmawati',
      phone: '081234567890',
      joinedOn: '2026-11-03',
    });

    it('forms the task force with its first member', async () => {
      const result = await api.graphql(mutation, { input: valid() }, 'kanim');
      expect(result.errors).toBeUndefined();
      const member = result.data!.addTaskForceMember.data;
      expect(member).toMatchObject({
        role: 'VILLAGE_HEAD',
        joinedOn: '2026-11-03',
        isSynthetic: false,
        taskForce: { formedOn: '2026-11-03', designation: { id: designationId } },
      });
      memberId = member.id;
      const [stored] = await api.db.sql.query<{ full_name: string; phone: string }>(
        'SELECT full_name, phone FROM task_force_member WHERE full_name = $1',
        ['Siti Rahmawati'],
      );
      expect(stored).toEqual({ full_name: 'Siti Rahmawati', phone: '081234567890' });
    });

    it('keeps at most MAX_TASK_FORCE_MEMBERS on record, so the list of members has a known length', async () => {
      const [taskForce] = await api.db.sql.query<{ id: number; members: number }>(
        `SELECT m.task_force_id AS id,
                (SELECT count(*) FROM task_force_member x WHERE x.task_force_id = m.task_force_id)::int AS members
           FROM task_force_member m WHERE m.full_name = 'Siti Rahmawati'`,
      );
      const extra = MAX_TASK_FORCE_MEMBERS - taskForce!.members;
      await api.db.sql.query(
        `INSERT INTO task_force_member (task_force_id, role, full_name, joined_on, left_on)
         SELECT $1, 'COMMUNITY_FIGURE', 'Anggota Lama ' || n, DATE '2026-11-03', DATE '2026-11-04' FROM generate_series(1, $2) n`,
        [taskForce!.id, extra],
      );
      try {
        await expectRefused(
          mutation,
          'addTaskForceMember',
          { input: { ...valid(), role: 'BABINSA' } },
          'ConflictError',
          ['input', 'designationId'],
        );
      } finally {
        await api.db.sql.query(`DELETE FROM task_force_member WHERE full_name LIKE 'Anggota Lama %'`);
      }
    });

    it('refuses bad input and writes nothing', async () => {
      await expectRefused(mutation, 'addTaskForceMember', { input: valid() }, 'ConflictError', ['input', 'role']);
      await expectRefused(
        mutation,
        'addTaskForceMember',
        { input: { ...valid(), role: 'BABINSA', phone: '12345' } },
        'InputValidationError',
        ['input', 'phone'],
      );
      await expectRefused(
        mutation,
        'addTaskForceMember',
        { input: { ...valid(), role: 'BABINSA', fullName: '<script>' } },
        'InputValidationError',
        ['input', 'fullName'],
      );
      await expectRefused(
        mutation,
        'addTaskForceMember',
        { input: { ...valid(), role: 'BABINSA', joinedOn: '2026-10-01' } },
        'ConflictError',
        ['input', 'joinedOn'],
      );
      await expectRefused(
        mutation,
        'addTaskForceMember',
        { input: { ...valid(), role: 'BABINSA', joinedOn: '2099-01-01' } },
        'InputValidationError',
        ['input', 'joinedOn'],
      );
      const missing = Buffer.from('Designation:999999').toString('base64');
      await expectRefused(
        mutation,
        'addTaskForceMember',
        { input: { ...valid(), role: 'BABINSA', designationId: missing } },
        'NotFoundError',
        ['input', 'designationId'],
      );
      const planned = await api.graphql(
        `{ designations(first: 1, filter: { statuses: [PLANNED] }) { edges { node { id } } } }`,
        {},
        'kanim',
      );
      await expectRefused(
        mutation,
        'addTaskForceMember',
        { input: { ...valid(), role: 'BABINSA', designationId: planned.data!.designations.edges[0].node.id } },
        'ConflictError',
        ['input', 'designationId'],
      );
    });
  });

  describe('recordTrainingSession', () => {
    const mutation = `mutation($input: RecordTrainingSessionInput!) { recordTrainingSession(input: $input) {
      ${ERROR_FIELDS} ... on MutationRecordTrainingSessionSuccess { data { id heldOn modules { code } attendances { completed module { code } member { id } } } } } }`;
    const valid = () => ({
      officeCode: 'KANIM-BATULICIN',
      heldOn: '2026-11-10',
      place: 'Balai Desa',
      villageCode,
      moduleCodes: ['PASSPORT_MPASPOR', 'TPPO_NONPROCEDURAL_MIGRATION'],
      attendance: [
        { memberId, moduleCode: 'PASSPORT_MPASPOR', completed: true },
        { memberId, moduleCode: 'TPPO_NONPROCEDURAL_MIGRATION', completed: false },
      ],
    });

    it('refuses bad input and writes nothing', async () => {
      await expectRefused(
        mutation,
        'recordTrainingSession',
        { input: { ...valid(), moduleCodes: ['PASSPORT_MPASPOR'] } },
        'InputValidationError',
        ['input', 'attendance'],
      );
      await expectRefused(
        mutation,
        'recordTrainingSession',
        { input: { ...valid(), moduleCodes: ['PASSPORT_MPASPOR', 'NO_SUCH_MODULE'], attendance: [] } },
        'NotFoundError',
        ['input', 'moduleCodes'],
      );
      await expectRefused(
        mutation,
        'recordTrainingSession',
        { input: { ...valid(), officeCode: 'KANIM-KUPANG' } },
        'ForbiddenError',
        ['input', 'officeCode'],
      );
      await expectRefused(
        mutation,
        'recordTrainingSession',
        { input: { ...valid(), heldOn: '2026-11-01' } },
        'ConflictError',
        ['input', 'attendance', '0', 'memberId'],
      );
      await expectRefused(
        mutation,
        'recordTrainingSession',
        { input: { ...valid(), moduleCodes: [] } },
        'InputValidationError',
        ['input', 'moduleCodes'],
      );
      await expectRefused(
        mutation,
        'recordTrainingSession',
        { input: { ...valid(), attendance: [{ ...valid().attendance[0], attended: false, completed: true }] } },
        'InputValidationError',
        ['input', 'attendance'],
      );
      await expectRefused(
        mutation,
        'recordTrainingSession',
        { input: { ...valid(), attendance: [valid().attendance[0], valid().attendance[0]] } },
        'InputValidationError',
        ['input', 'attendance'],
      );
    });

    it('records a session with its attendance', async () => {
      const result = await api.graphql(mutation, { input: valid() }, 'kanim');
      expect(result.errors).toBeUndefined();
      const session = result.data!.recordTrainingSession.data;
      expect(session.heldOn).toBe('2026-11-10');
      expect(session.modules.map((m: { code: string }) => m.code)).toEqual([
        'PASSPORT_MPASPOR',
        'TPPO_NONPROCEDURAL_MIGRATION',
      ]);
      expect(session.attendances).toEqual([
        { completed: true, module: { code: 'PASSPORT_MPASPOR' }, member: { id: memberId } },
        { completed: false, module: { code: 'TPPO_NONPROCEDURAL_MIGRATION' }, member: { id: memberId } },
      ]);
      const member = await api.graphql(
        `query($id: ID!) { node(id: $id) { ... on TaskForceMember { completedModules { code } } } }`,
        { id: memberId },
      );
      expect(member.data!.node.completedModules).toEqual([{ code: 'PASSPORT_MPASPOR' }]);
    });
  });

  describe('writes through an API token', () => {
    it('records which token made the change, and stops working once revoked', async () => {
      const issued = await api.graphql(
        `mutation { issueApiToken(input: { name: "Aplikasi Desa Lapor", scopes: [REPORTS_SUBMIT], officeCode: "KANIM-BATULICIN" }) {
          __typename ... on MutationIssueApiTokenSuccess { data { secret token { id tokenPrefix scopes } } } } }`,
        {},
        'kanim',
      );
      const { secret, token } = issued.data!.issueApiToken.data;
      expect(secret.startsWith(token.tokenPrefix)).toBe(true);
      const [stored] = await api.db.sql.query<{ token_hash: string }>(
        'SELECT token_hash FROM api_token WHERE token_prefix = $1',
        [token.tokenPrefix],
      );
      expect(stored!.token_hash).not.toContain(secret.slice(6));
      const submitted = await api.graphql(
        `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename ... on MutationSubmitVillageReportSuccess { data { report { id } } } } }`,
        {
          input: {
            source: 'app:desa-lapor',
            clientReference: 'TOKEN-1',
            villageCode,
            type: 'OTHER',
            occurredOn: '2026-11-20',
            peopleInvolved: 1,
            description: 'Dikirim lewat token.',
          },
        },
        { token: secret },
      );
      expect(submitted.data!.submitVillageReport.__typename).toBe('MutationSubmitVillageReportSuccess');
      const audit = await api.graphql(
        `{ auditLog(first: 1, action: "submitVillageReport") { edges { node { actor tokenId } } } }`,
      );
      expect(audit.data!.auditLog.edges[0].node).toEqual({
        actor: expect.stringMatching(/^token:\d+$/),
        tokenId: expect.any(Number),
      });
      const revoked = await api.graphql(
        `mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }`,
        { id: token.id },
        'kanim',
      );
      expect(revoked.data!.revokeApiToken.__typename).toBe('MutationRevokeApiTokenSuccess');
      // A revoked token is refused outright (401), never served as an anonymous caller.
      const after = await api.graphql('{ me { kind } }', {}, { token: secret });
      expect(after.data).toBeUndefined();
      expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('recordActivity', () => {
    const mutation = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) {
      ${ERROR_FIELDS} ... on MutationRecordActivitySuccess { data { type heldOn regency { code } village { code } province { code } agenciesPresent attendeeCount } } } }`;
    const valid = () => ({
      type: 'TIMPORA_MEETING',
      title: 'Rapat Timpora Kabupaten Kotabaru',
      heldOn: '2026-11-12',
      place: 'Aula Kantor Bupati',
      regencyCode: '63.02',
      officeCode: 'KANIM-BATULICIN',
      agenciesPresent: ['Pemkab Kotabaru', 'Kodim 1004', 'Polres Kotabaru'],
      attendeeCount: 35,
      topics: ['Pengawasan tenaga kerja asing'],
    });

    it('records an activity at kabupaten/kota level', async () => {
      const result = await api.graphql(mutation, { input: valid() }, 'kanim');
      expect(result.errors).toBeUndefined();
      expect(result.data!.recordActivity.data).toEqual({
        type: 'TIMPORA_MEETING',
        heldOn: '2026-11-12',
        regency: { code: '63.02' },
        village: null,
        province: { code: '63' },
        agenciesPresent: ['Pemkab Kotabaru', 'Kodim 1004', 'Polres Kotabaru'],
        attendeeCount: 35,
      });
    });

    it('refuses bad input and writes nothing', async () => {
      await expectRefused(mutation, 'recordActivity', { input: { ...valid(), villageCode } }, 'InputValidationError', [
        'input',
        'villageCode',
      ]);
      await expectRefused(
        mutation,
        'recordActivity',
        { input: { ...valid(), regencyCode: null } },
        'InputValidationError',
        ['input', 'villageCode'],
      );
      await expectRefused(
        mutation,
        'recordActivity',
        { input: { ...valid(), attendeeCount: 0 } },
        'InputValidationError',
        ['input', 'attendeeCount'],
      );
      await expectRefused(mutation, 'recordActivity', { input: { ...valid(), topics: [] } }, 'InputValidationError', [
        'input',
        'topics',
      ]);
      await expectRefused(
        mutation,
        'recordActivity',
        { input: { ...valid(), heldOn: '2022-01-01' } },
        'InputValidationError',
        ['input', 'heldOn'],
      );
      await expectRefused(
        mutation,
        'recordActivity',
        { input: { ...valid(), regencyCode: '53.18' } },
        'ForbiddenError',
        ['input', 'regencyCode'],
      );
      await expectRefused(
        mutation,
        'recordActivity',
        { input: { ...valid(), officeCode: 'KANIM-BANJARMASIN' } },
        'ConflictError',
        ['input', 'officeCode'],
      );
      await expectRefused(
        mutation,
        'recordActivity',
        { input: { ...valid(), regencyCode: '63.99' } },
        'NotFoundError',
        ['input', 'regencyCode'],
      );
      await expectRefused(
        mutation,
        'recordActivity',
        { input: { ...valid(), title: 'x'.repeat(10_000) } },
        'InputValidationError',
        ['input', 'title'],
      );
    });
  });

  describe('submitVillageReport and transitionReportStatus', () => {
    const submit = `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) {
      ${ERROR_FIELDS} ... on MutationSubmitVillageReportSuccess { data { created report { id status type occurredOn designation { id } transitions { toStatus changedBy } } } } } }`;
    const transition = `mutation($input: TransitionReportStatusInput!) { transitionReportStatus(input: $input) {
      ${ERROR_FIELDS} ... on ReportChangedError { path } ... on MutationTransitionReportStatusSuccess { data { status transitions { fromStatus toStatus changedBy note } } } } }`;
    const report = () => ({
      source: 'app:desa-lapor',
      clientReference: 'GT-2026-11-0001',
      villageCode,
      type: 'FOREIGN_NATIONAL_PRESENT',
      occurredOn: '2026-11-20',
      peopleInvolved: 2,
      description: 'Dua orang asing menginap di rumah warga sejak kemarin.',
      reporterName: 'Budi',
      reporterPhone: '+6281234567890',
    });
    let reportId: string;

    it('records a report once, however often it is sent', async () => {
      const first = await api.graphql(submit, { input: report() }, 'kanim');
      expect(first.errors).toBeUndefined();
      const created = first.data!.submitVillageReport.data;
      expect(created).toMatchObject({
        created: true,
        report: {
          status: 'SUBMITTED',
          type: 'FOREIGN_NATIONAL_PRESENT',
          occurredOn: '2026-11-20',
          designation: { id: designationId },
        },
      });
      expect(created.report.transitions).toEqual([
        { toStatus: 'SUBMITTED', changedBy: expect.stringMatching(/^user:\d+$/) },
      ]);
      reportId = created.report.id;

      const before = await fingerprint(api);
      const retry = await api.graphql(submit, { input: report() }, 'kanim');
      expect(retry.data!.submitVillageReport.data).toMatchObject({ created: false, report: { id: reportId } });
      expect(await fingerprint(api)).toEqual(before);
    });

    it('records exactly one row when retries arrive at the same time', async () => {
      const input = { ...report(), clientReference: 'GT-2026-11-PARALLEL' };
      const results = await Promise.all(Array.from({ length: 8 }, () => api.graphql(submit, { input }, 'kanim')));
      for (const result of results)
        expect(result.data?.submitVillageReport.__typename, JSON.stringify(result)).toBe(
          'MutationSubmitVillageReportSuccess',
        );
      const ids = new Set(results.map((result) => result.data!.submitVillageReport.data.report.id));
      expect(ids.size).toBe(1);
      expect(results.filter((result) => result.data!.submitVillageReport.data.created)).toHaveLength(1);
      const [row] = await api.db.sql.query<{ count: number }>(
        `SELECT COUNT(*)::int AS count FROM village_report WHERE source = 'app:desa-lapor' AND client_reference = 'GT-2026-11-PARALLEL'`,
      );
      expect(row!.count).toBe(1);
    });

    it('reads a village once for its reports, and records each where the village is when it is written', async () => {
      // A village no report was sent for yet, so that its first report must read it (once).
      const others =
        await api.graphql(`{ villages(first: 2, filter: { area: { regencyCodes: ["63.02"] }, designated: false }) {
        edges { node { code } } } }`);
      const code: string = others
        .data!.villages.edges.map((edge: { node: { code: string } }) => edge.node.code)
        .find((candidate: string) => candidate !== villageCode);
      const send = (clientReference: string) =>
        api.graphql(submit, { input: { ...report(), villageCode: code, clientReference } }, 'kanim');
      const regencyOfReport = async (clientReference: string) => {
        const [row] = await api.db.sql.query<{ code: string }>(
          `SELECT r.code FROM village_report v JOIN regency r ON r.id = v.regency_id WHERE v.client_reference = $1`,
          [clientReference],
        );
        return row?.code;
      };
      // A decree moves the village to another kabupaten/kota (and province).
      const moveTo = (regencyCode: string) =>
        api.db.sql.query(
          `UPDATE village v SET regency_id = r.id, province_id = r.province_id FROM regency r WHERE r.code = $1 AND v.code = $2`,
          [regencyCode, code],
        );
      const lookUps = vi.spyOn(api.db.sql, 'query');
      const villageReads = () =>
        lookUps.mock.calls.filter(([text]) => /FROM village WHERE code = \$1/.test(text)).length;
      try {
        expect((await send('GT-PLACE-1')).data!.submitVillageReport.__typename).toBe(
          'MutationSubmitVillageReportSuccess',
        );
        expect(villageReads()).toBe(1);
        expect((await send('GT-PLACE-2')).data!.submitVillageReport.__typename).toBe(
          'MutationSubmitVillageReportSuccess',
        );
        expect(villageReads(), 'the second report reads the village again').toBe(1);
        expect(await regencyOfReport('GT-PLACE-2')).toBe('63.02');

        // Moved within the office's area: recorded in the kabupaten/kota it is in now, not where it was.
        await moveTo('63.10');
        expect((await send('GT-PLACE-3')).data!.submitVillageReport.__typename).toBe(
          'MutationSubmitVillageReportSuccess',
        );
        expect(await regencyOfReport('GT-PLACE-3')).toBe('63.10');

        // Moved out of it: refused, though the office could report for where the village was.
        await moveTo('53.71');
        await expectRefused(
          submit,
          'submitVillageReport',
          { input: { ...report(), villageCode: code, clientReference: 'GT-PLACE-4' } },
          'ForbiddenError',
          ['input', 'villageCode'],
        );

        // And back: accepted, though the village was last seen outside the office's area.
        await moveTo('63.02');
        expect((await send('GT-PLACE-5')).data!.submitVillageReport.__typename).toBe(
          'MutationSubmitVillageReportSuccess',
        );
        expect(await regencyOfReport('GT-PLACE-5')).toBe('63.02');
      } finally {
        lookUps.mockRestore();
        await moveTo('63.02');
      }
    });

    it('refuses bad reports and writes nothing', async () => {
      await expectRefused(
        submit,
        'submitVillageReport',
        { input: { ...report(), peopleInvolved: 3 } },
        'ConflictError',
        ['input', 'clientReference'],
      );
      await expectRefused(
        submit,
        'submitVillageReport',
        { input: { ...report(), clientReference: 'new-1', villageCode: '63.02.15.9999' } },
        'NotFoundError',
        ['input', 'villageCode'],
      );
      await expectRefused(
        submit,
        'submitVillageReport',
        { input: { ...report(), clientReference: 'new-2', peopleInvolved: -1 } },
        'InputValidationError',
        ['input', 'peopleInvolved'],
      );
      await expectRefused(
        submit,
        'submitVillageReport',
        { input: { ...report(), clientReference: 'new-3', occurredOn: '2099-12-31' } },
        'InputValidationError',
        ['input', 'occurredOn'],
      );
      await expectRefused(
        submit,
        'submitVillageReport',
        { input: { ...report(), clientReference: 'new-4', source: 'Not A Source!' } },
        'InputValidationError',
        ['input', 'source'],
      );
      await expectRefused(
        submit,
        'submitVillageReport',
        { input: { ...report(), clientReference: 'bad ref with spaces' } },
        'InputValidationError',
        ['input', 'clientReference'],
      );
      await expectRefused(
        submit,
        'submitVillageReport',
        { input: { ...report(), clientReference: 'new-5', description: 'x'.repeat(6000) } },
        'InputValidationError',
        ['input', 'description'],
      );
    });

    it('moves a report through its workflow and refuses illegal steps', async () => {
      const verified = await api.graphql(
        transition,
        { input: { reportId, toStatus: 'VERIFIED', expectedStatus: 'SUBMITTED', note: 'Dicek petugas' } },
        'kanim',
      );
      expect(verified.errors).toBeUndefined();
      expect(verified.data!.transitionReportStatus.data.status).toBe('VERIFIED');
      expect(verified.data!.transitionReportStatus.data.transitions[1]).toEqual({
        fromStatus: 'SUBMITTED',
        toStatus: 'VERIFIED',
        changedBy: expect.stringMatching(/^user:\d+$/),
        note: 'Dicek petugas',
      });
      const audit = await api.graphql(`{ auditLog(first: 1, entity: "VillageReport", action: "transitionReportStatus") {
        edges { node { actor tokenId entityId before after at } } } }`);
      const entry = audit.data!.auditLog.edges[0].node;
      expect(entry).toMatchObject({
        actor: expect.stringMatching(/^user:\d+$/),
        tokenId: null,
        before: { status: 'SUBMITTED' },
        after: { status: 'VERIFIED', note: 'Dicek petugas' },
      });
      expect(Buffer.from(reportId, 'base64').toString()).toBe(`VillageReport:${entry.entityId}`);
      await expectRefused(
        transition,
        'transitionReportStatus',
        { input: { reportId, toStatus: 'CLOSED' } },
        'ConflictError',
        ['input', 'toStatus'],
      );
      await expectRefused(
        transition,
        'transitionReportStatus',
        { input: { reportId, toStatus: 'REJECTED', expectedStatus: 'SUBMITTED', note: 'Ganda' } },
        'ReportChangedError',
        ['input', 'expectedStatus'],
      );
      const missing = Buffer.from('VillageReport:99999999').toString('base64');
      await expectRefused(
        transition,
        'transitionReportStatus',
        { input: { reportId: missing, toStatus: 'VERIFIED' } },
        'NotFoundError',
        ['input', 'reportId'],
      );
      const wrongType = Buffer.from(`Village:1`).toString('base64');
      const before = await fingerprint(api);
      const result = await api.graphql(transition, { input: { reportId: wrongType, toStatus: 'VERIFIED' } }, 'kanim');
      expect(result.data?.transitionReportStatus?.__typename ?? result.errors?.[0]?.message).toBeTruthy();
      expect(await fingerprint(api)).toEqual(before);
    });

    it('asks every step for what it must record, all missing fields at once, and writes nothing', async () => {
      const rejected = await expectRefused(
        transition,
        'transitionReportStatus',
        { input: { reportId, toStatus: 'REJECTED', expectedStatus: 'VERIFIED', actionTaken: 'Patroli bersama' } },
        'InputValidationError',
        ['input', 'note'],
      );
      expect(rejected.issues.map((issue: { path: string[] }) => issue.path)).toEqual([
        ['input', 'note'],
        ['input', 'actionTaken'],
      ]);
      await expectRefused(
        transition,
        'transitionReportStatus',
        { input: { reportId, toStatus: 'FOLLOWED_UP', expectedStatus: 'VERIFIED', agencies: ['Polres'] } },
        'InputValidationError',
        ['input', 'actionTaken'],
      );
      const response = await api.post(
        {
          query: transition,
          variables: { input: { reportId, toStatus: 'REJECTED', expectedStatus: 'VERIFIED' } },
        },
        'kanim',
        { 'accept-language': 'id' },
      );
      const indonesian = (await response.json()) as { data: any };
      expect(indonesian.data.transitionReportStatus.issues).toContainEqual({
        path: ['input', 'note'],
        message: 'Penolakan harus disertai alasannya.',
      });
    });

    it('records a follow-up with the action taken and the agencies, in the timeline and the audit log', async () => {
      const followedUp = await api.graphql(
        `mutation($input: TransitionReportStatusInput!) { transitionReportStatus(input: $input) {
          ${ERROR_FIELDS} ... on MutationTransitionReportStatusSuccess { data { status followUpUrgency
            transitions { toStatus actionTaken agencies } } } } }`,
        {
          input: {
            reportId,
            toStatus: 'FOLLOWED_UP',
            expectedStatus: 'VERIFIED',
            actionTaken: '  Pemeriksaan izin tinggal di lokasi. ',
            agencies: ['Polres', 'Bhabinkamtibmas', 'Polres'],
          },
        },
        'kanim',
      );
      const data = followedUp.data!.transitionReportStatus.data;
      expect(data.status).toBe('FOLLOWED_UP');
      expect(data.followUpUrgency).toBeNull();
      expect(data.transitions.at(-1)).toEqual({
        toStatus: 'FOLLOWED_UP',
        actionTaken: 'Pemeriksaan izin tinggal di lokasi.',
        agencies: ['Polres', 'Bhabinkamtibmas'],
      });
      const audit = await api.graphql(`{ auditLog(first: 1, entity: "VillageReport", action: "transitionReportStatus") {
        edges { node { after } } } }`);
      expect(audit.data!.auditLog.edges[0].node.after).toMatchObject({
        status: 'FOLLOWED_UP',
        actionTaken: 'Pemeriksaan izin tinggal di lokasi.',
        agencies: ['Polres', 'Bhabinkamtibmas'],
      });
    });

    it('lets one of two officers acting at once win, and shows the other the report as it is now', async () => {
      const { data } = await api.graphql(
        submit,
        { input: { ...report(), clientReference: 'GT-2026-11-RACE' } },
        'kanim',
      );
      const raced = data!.submitVillageReport.data.report.id;
      const verify = `mutation($input: TransitionReportStatusInput!) { transitionReportStatus(input: $input) {
        __typename ... on Error { message } ... on ReportChangedError { path report { id status transitions { toStatus } } }
        ... on MutationTransitionReportStatusSuccess { data { status } } } }`;
      const input = { reportId: raced, toStatus: 'VERIFIED', expectedStatus: 'SUBMITTED' };
      const results = await Promise.all([0, 1, 2].map(() => api.graphql(verify, { input }, 'kanim')));
      const outcomes = results.map((result) => result.data!.transitionReportStatus);
      expect(outcomes.filter((outcome) => outcome.__typename === 'MutationTransitionReportStatusSuccess')).toHaveLength(
        1,
      );
      const losers = outcomes.filter((outcome) => outcome.__typename === 'ReportChangedError');
      expect(losers).toHaveLength(2);
      for (const loser of losers) {
        expect(loser.report).toEqual({
          id: raced,
          status: 'VERIFIED',
          transitions: [{ toStatus: 'SUBMITTED' }, { toStatus: 'VERIFIED' }],
        });
      }
      const [row] = await api.db.sql.query<{ steps: number }>(
        `SELECT COUNT(*)::int AS steps FROM report_status_transition t JOIN village_report r ON r.id = t.report_id
          WHERE r.client_reference = 'GT-2026-11-RACE'`,
      );
      expect(row!.steps).toBe(2);
    });
  });
});
