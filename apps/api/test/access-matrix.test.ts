// Who may see and change what: every caller × every operation × an area inside and one outside their
// scope. Each case asserts what is allowed (with the right numbers) and what is refused (and that a
// refused write changed nothing). Zero leaks is the bar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createSeededApi, type DemoAccount, type SeededApi } from './support/seeded-api.js';

type Name = 'anonymous' | 'national' | 'analyst' | 'kanwil' | 'kanim' | 'tokenSubmit' | 'tokenRead';

interface Rights {
  signedIn: boolean;
  readRecords: boolean;
  readAggregates: boolean;
  personal: boolean;
  write: boolean;
  submit: boolean;
  audit: boolean;
  issueTokens: boolean;
  /** Regency codes (prefix match) the caller may see; 'all' for everywhere. */
  area: 'all' | string[];
}

const none: Rights = {
  signedIn: false,
  readRecords: false,
  readAggregates: false,
  personal: false,
  write: false,
  submit: false,
  audit: false,
  issueTokens: false,
  area: [],
};
const rights: Record<Name, Rights> = {
  anonymous: none,
  national: {
    ...none,
    signedIn: true,
    readRecords: true,
    readAggregates: true,
    audit: true,
    issueTokens: true,
    area: 'all',
  },
  analyst: { ...none, signedIn: true, readRecords: true, readAggregates: true, area: 'all' },
  kanwil: {
    ...none,
    signedIn: true,
    readRecords: true,
    readAggregates: true,
    personal: true,
    write: true,
    submit: true,
    issueTokens: true,
    area: ['53.'],
  },
  kanim: {
    ...none,
    signedIn: true,
    readRecords: true,
    readAggregates: true,
    personal: true,
    write: true,
    submit: true,
    issueTokens: true,
    area: ['63.02', '63.10'],
  },
  tokenSubmit: { ...none, signedIn: true, submit: true, area: ['63.02', '63.10'] },
  tokenRead: { ...none, signedIn: true, readRecords: true, readAggregates: true, area: 'all' },
};

/** Two kabupaten/kota: Kotabaru (Kanim Batulicin's area, in Kalimantan Selatan) and Sumba Barat Daya (NTT). */
const regencies = [
  { code: '63.02', office: 'KANIM-BATULICIN' },
  { code: '53.18', office: 'KANIM-KUPANG' },
] as const;

const inArea = (name: Name, regency: string) => {
  const area = rights[name].area;
  return area === 'all' || area.some((prefix) => regency.startsWith(prefix));
};

describe('access matrix', () => {
  let api: SeededApi;
  const callers = {} as Record<Name, Caller>;
  let cases = 0;

  beforeAll(async () => {
    api = await createSeededApi();
    const issue = async (as: DemoAccount, scopes: string[], officeCode?: string) => ({
      token: await api.issueToken(as, scopes, officeCode),
    });
    Object.assign(callers, {
      anonymous: 'anonymous',
      national: 'national',
      analyst: 'analyst',
      kanwil: 'kanwil',
      kanim: 'kanim',
      tokenSubmit: await issue('kanim', ['REPORTS_SUBMIT'], 'KANIM-BATULICIN'),
      tokenRead: await issue('national', ['RECORDS_READ', 'AGGREGATES_READ']),
    });
  });

  afterAll(async () => {
    await api.dispose();
    console.log(`access matrix: ${cases} cases checked`);
  });

  const sqlCount = async (text: string, params: unknown[]) => {
    const [row] = await api.db.sql.query<{ count: number }>(text, params);
    return row!.count;
  };

  /** A refusal: an auth error (queries) and no data for the field. */
  const expectRefusedQuery = (
    result: { errors?: { extensions?: Record<string, unknown> }[]; data?: unknown },
    label: string,
  ) => {
    expect(result.errors?.length, `${label} should be refused`).toBeGreaterThan(0);
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(result.errors![0]!.extensions?.code);
  };

  async function fingerprint() {
    const [row] = await api.db.sql.query<{ digest: string }>(
      `SELECT concat_ws('|', (SELECT COUNT(*) FROM audit_log), (SELECT COUNT(*) FROM designation), (SELECT COUNT(*) FROM task_force_member),
        (SELECT COUNT(*) FROM training_session), (SELECT COUNT(*) FROM activity), (SELECT COUNT(*) FROM village_report),
        (SELECT COUNT(*) FROM api_token), (SELECT md5(string_agg(id || status::text, ',' ORDER BY id)) FROM village_report)) AS digest`,
    );
    return row!.digest;
  }

  /** A write: typed success when allowed, else a ForbiddenError and an unchanged database. */
  async function expectWrite(
    name: Name,
    allowed: boolean,
    mutation: string,
    field: string,
    variables: Record<string, unknown>,
  ) {
    const before = await fingerprint();
    const result = await api.graphql(mutation, variables, callers[name]);
    expect(result.errors, `${name} ${field}: ${JSON.stringify(result.errors)}`).toBeUndefined();
    const typename = result.data![field].__typename as string;
    if (allowed) {
      expect(typename, `${name} ${field} should succeed: ${JSON.stringify(result.data)}`).toMatch(/Success$/);
    } else {
      expect(typename, `${name} ${field} should be refused`).toBe('ForbiddenError');
      expect(await fingerprint()).toBe(before);
    }
    cases += 1;
  }

  const names = Object.keys(rights) as Name[];

  describe.each(names)('%s', (name) => {
    const may = rights[name];

    it('sees reference areas and itself only when signed in', async () => {
      const result = await api.graphql('{ me { kind } regency(code: "63.02") { name } }', {}, callers[name]);
      if (!may.signedIn) {
        expectRefusedQuery(result, name);
        const me = await api.graphql('{ me { kind } }', {}, callers[name]);
        expect(me.data!.me).toBeNull();
      } else {
        expect(result.errors).toBeUndefined();
        expect(result.data!.regency.name).toBe('Kabupaten Kotabaru');
      }
      cases += 1;
    });

    it.each(regencies)('reads records in $code only when allowed and in its area', async ({ code }) => {
      const lists: [string, string, string][] = [
        [
          'designations',
          'designations(first: 1, filter: { area: { regencyCodes: [$code] } })',
          `SELECT COUNT(*)::int AS count FROM designation g JOIN village v ON v.id = g.village_id JOIN regency r ON r.id = v.regency_id WHERE r.code = $1`,
        ],
        [
          'taskForceMembers',
          'taskForceMembers(first: 1, filter: { area: { regencyCodes: [$code] } })',
          `SELECT COUNT(*)::int AS count FROM task_force_member m JOIN task_force t ON t.id = m.task_force_id JOIN designation g ON g.id = t.designation_id JOIN village v ON v.id = g.village_id JOIN regency r ON r.id = v.regency_id WHERE r.code = $1`,
        ],
        [
          'trainings',
          'trainings(first: 1, filter: { area: { regencyCodes: [$code] } })',
          `SELECT COUNT(*)::int AS count FROM training_session s JOIN village v ON v.id = s.village_id JOIN regency r ON r.id = v.regency_id WHERE r.code = $1`,
        ],
        [
          'activities',
          'activities(first: 1, filter: { area: { regencyCodes: [$code] } })',
          `SELECT COUNT(*)::int AS count FROM activity a JOIN regency r ON r.id = a.regency_id WHERE r.code = $1`,
        ],
        [
          'reports',
          'reports(first: 1, filter: { area: { regencyCodes: [$code] } })',
          `SELECT COUNT(*)::int AS count FROM village_report rep JOIN regency r ON r.id = rep.regency_id WHERE r.code = $1`,
        ],
      ];
      for (const [field, selection, sql] of lists) {
        const result = await api.graphql(
          `query($code: String!) { ${selection} { totalCount } }`,
          { code },
          callers[name],
        );
        if (!may.readRecords) expectRefusedQuery(result, name);
        else {
          expect(result.errors).toBeUndefined();
          const expected = inArea(name, code) ? await sqlCount(sql, [code]) : 0;
          expect(result.data![field].totalCount, `${name} ${field} in ${code}`).toBe(expected);
          if (inArea(name, code)) expect(expected).toBeGreaterThan(0);
        }
        cases += 1;
      }
    });

    it.each(regencies)(
      'fetches a record of $code by id, and its village records, only inside its area',
      async ({ code }) => {
        const [report] = await api.db.sql.query<{ id: number; village: string }>(
          `SELECT rep.id, v.code AS village FROM village_report rep JOIN village v ON v.id = rep.village_id JOIN regency r ON r.id = rep.regency_id WHERE r.code = $1 ORDER BY rep.id LIMIT 1`,
          [code],
        );
        const id = Buffer.from(`VillageReport:${report!.id}`).toString('base64');
        const result = await api.graphql(
          `query($id: ID!, $village: String!) { node(id: $id) { id } village(code: $village) { name designations { id } reports(first: 1) { totalCount } } }`,
          { id, village: report!.village },
          callers[name],
        );
        const visible = may.readRecords && inArea(name, code);
        if (!may.signedIn) expectRefusedQuery(result, name);
        else if (!may.readRecords) {
          // The village itself is public reference data; its records are refused.
          expect(result.errors?.every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);
        } else {
          expect(result.errors).toBeUndefined();
          expect(result.data!.node === null).toBe(!visible);
          expect(result.data!.village.reports.totalCount > 0).toBe(visible);
          expect(result.data!.village.designations.length > 0).toBe(visible);
        }
        cases += 1;
      },
    );

    it.each(regencies)(
      'learns which villages of $code are designated only where it may read records',
      async ({ code }) => {
        const result = await api.graphql(
          `query($code: String!) { villages(first: 1, filter: { area: { regencyCodes: [$code] }, designated: true }) { totalCount } }`,
          { code },
          callers[name],
        );
        if (!may.signedIn) expectRefusedQuery(result, name);
        else {
          expect(result.errors).toBeUndefined();
          const designated = await sqlCount(
            `SELECT COUNT(DISTINCT v.id)::int AS count FROM village v JOIN regency r ON r.id = v.regency_id
             JOIN designation g ON g.village_id = v.id AND g.status = 'ACTIVE' WHERE r.code = $1`,
            [code],
          );
          expect(result.data!.villages.totalCount).toBe(may.readRecords && inArea(name, code) ? designated : 0);
        }
        cases += 1;
      },
    );

    it.each(regencies)('sees names in $code only with the right to personal data', async ({ code }) => {
      const result = await api.graphql(
        `query($code: String!) { taskForceMembers(first: 5, filter: { area: { regencyCodes: [$code] } }) { edges { node { fullName phone role } } } }`,
        { code },
        callers[name],
      );
      if (!may.readRecords) expectRefusedQuery(result, name);
      else {
        expect(result.errors).toBeUndefined();
        const members = result.data!.taskForceMembers.edges.map(
          (edge: { node: { fullName: string | null } }) => edge.node,
        );
        expect(members.length > 0).toBe(inArea(name, code));
        for (const member of members) expect(member.fullName !== null).toBe(may.personal);
      }
      cases += 1;
    });

    it.each(regencies)('counts aggregates for $code only inside its area', async ({ code }) => {
      const result = await api.graphql(
        `query($code: String!) {
          coverage(groupBy: REGENCY, filter: { area: { regencyCodes: [$code] } }) { rows { area { code } villages designatedVillages } }
          reportStats(filter: { area: { regencyCodes: [$code] } }) { rows { reports } }
          trainingCompletion(filter: { area: { regencyCodes: [$code] } }) { total { members } }
        }`,
        { code },
        callers[name],
      );
      if (!may.readAggregates) {
        expectRefusedQuery(result, name);
        // Each analytics field on its own: one refused field in a query must not hide another that answers.
        for (const field of [
          'coverage(groupBy: REGENCY) { rows { villages } }',
          'reportStats { rows { reports } }',
          'reportingCompleteness { rows { month } }',
          'trainingCompletion { total { members } }',
          'overview { reports { current } }',
        ]) {
          expectRefusedQuery(await api.graphql(`{ ${field} }`, {}, callers[name]), `${name}: ${field}`);
          cases += 1;
        }
      } else {
        expect(result.errors).toBeUndefined();
        const reports = await sqlCount(
          `SELECT COUNT(*)::int AS count FROM village_report rep JOIN regency r ON r.id = rep.regency_id WHERE r.code = $1`,
          [code],
        );
        const villages = await sqlCount(
          `SELECT COUNT(*)::int AS count FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = $1`,
          [code],
        );
        if (inArea(name, code)) {
          expect(result.data!.coverage.rows).toEqual([expect.objectContaining({ area: { code }, villages })]);
          expect(result.data!.reportStats.rows[0].reports).toBe(reports);
          expect(result.data!.trainingCompletion.total.members).toBeGreaterThan(0);
        } else {
          expect(result.data!.coverage.rows).toEqual([]);
          expect(result.data!.reportStats.rows[0].reports).toBe(0);
          expect(result.data!.trainingCompletion.total.members).toBe(0);
        }
      }
      cases += 1;
    });

    it('reads the audit log and lists tokens only when its role allows', async () => {
      const audit = await api.graphql('{ auditLog(first: 1) { totalCount } }', {}, callers[name]);
      if (may.audit) expect(audit.data!.auditLog.totalCount).toBeGreaterThan(0);
      else expectRefusedQuery(audit, name);
      const tokens = await api.graphql('{ apiTokens { name } }', {}, callers[name]);
      if (may.issueTokens) expect(tokens.errors).toBeUndefined();
      else expectRefusedQuery(tokens, name);
      cases += 2;
    });

    it.each(regencies)('writes in $code only with the right and inside its area', async ({ code, office }) => {
      const allowed = may.write && inArea(name, code);
      const [village] = await api.db.sql.query<{ code: string }>(
        `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = $1 AND v.kind = 'DESA'
          AND NOT EXISTS (SELECT 1 FROM designation g WHERE g.village_id = v.id) ORDER BY v.code LIMIT 1`,
        [code],
      );
      await expectWrite(
        name,
        allowed,
        `mutation($input: DesignateVillageInput!) { designateVillage(input: $input) { __typename } }`,
        'designateVillage',
        {
          input: { villageCode: village!.code, variant: 'DESA_BINAAN', officeCode: office, year: 2026 },
        },
      );
      await expectWrite(
        name,
        allowed,
        `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { __typename } }`,
        'recordActivity',
        {
          input: {
            type: 'COUNSELLING',
            title: `Penyuluhan ${name}`,
            heldOn: '2026-11-10',
            place: 'Aula',
            regencyCode: code,
            officeCode: office,
            attendeeCount: 20,
          },
        },
      );
      const [designation] = await api.db.sql.query<{ id: number; village: string }>(
        `SELECT g.id, v.code AS village FROM designation g JOIN village v ON v.id = g.village_id JOIN regency r ON r.id = v.regency_id
          WHERE r.code = $1 AND g.status = 'ACTIVE' AND g.inaugurated_on < '2026-01-01' ORDER BY g.id LIMIT 1`,
        [code],
      );
      await expectWrite(
        name,
        allowed,
        `mutation($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { __typename } }`,
        'addTaskForceMember',
        {
          input: {
            designationId: Buffer.from(`Designation:${designation!.id}`).toString('base64'),
            role: 'COMMUNITY_FIGURE',
            fullName: 'Yohanes Bili',
            joinedOn: '2026-11-01',
          },
        },
      );
      await expectWrite(
        name,
        allowed,
        `mutation($input: RecordTrainingSessionInput!) { recordTrainingSession(input: $input) { __typename } }`,
        'recordTrainingSession',
        {
          input: {
            officeCode: office,
            heldOn: '2026-11-11',
            place: 'Balai Desa',
            villageCode: designation!.village,
            moduleCodes: ['REFUGEE_HANDLING'],
            attendance: [],
          },
        },
      );
      const [report] = await api.db.sql.query<{ id: number; status: string }>(
        `SELECT rep.id, rep.status::text AS status FROM village_report rep JOIN regency r ON r.id = rep.regency_id
          WHERE r.code = $1 AND rep.status IN ('SUBMITTED', 'VERIFIED') ORDER BY rep.id LIMIT 1`,
        [code],
      );
      await expectWrite(
        name,
        allowed,
        `mutation($input: TransitionReportStatusInput!) { transitionReportStatus(input: $input) { __typename } }`,
        'transitionReportStatus',
        {
          input: {
            reportId: Buffer.from(`VillageReport:${report!.id}`).toString('base64'),
            ...(report!.status === 'SUBMITTED'
              ? { toStatus: 'VERIFIED' }
              : { toStatus: 'FOLLOWED_UP', actionTaken: 'Pemeriksaan di lokasi.' }),
          },
        },
      );
      await expectWrite(
        name,
        may.submit && inArea(name, code),
        `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
        'submitVillageReport',
        {
          input: {
            source: 'app:matrix',
            clientReference: `${name}-${code}`,
            villageCode: designation!.village,
            type: 'OTHER',
            occurredOn: '2026-11-20',
            peopleInvolved: 1,
            description: 'Laporan uji akses.',
          },
        },
      );
      await expectWrite(
        name,
        may.issueTokens && (may.area === 'all' || inArea(name, code)),
        `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { __typename } }`,
        'issueApiToken',
        { input: { name: `app of ${name}`, scopes: ['RECORDS_READ'], officeCode: office } },
      );
    });
  });
});
