// Thousands of generated inputs at every mutation: wrong types, huge and unicode strings, negative and
// absurd numbers, ids and codes of other areas, unknown enum values, extra fields. Whatever comes in:
// no 5xx, no unexpected (unmasked or internal) error, and a refused input changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyRuns } from './support/property-depth.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const RUNS_PER_MUTATION = propertyRuns(350);
let inputsTried = 0;

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64');

describe('mutations under generated input', () => {
  let api: SeededApi;
  let inside: { village: string; designation: string; report: string; member: string };
  let outside: { village: string; designation: string; report: string; member: string };

  beforeAll(async () => {
    api = await createSeededApi();
    const pick = async (regency: string) => {
      const [row] = await api.db.sql.query<{ village: string; designation: number; report: number; member: number }>(
        `SELECT v.code AS village, g.id AS designation,
                (SELECT MIN(id) FROM village_report WHERE village_id = v.id) AS report,
                (SELECT MIN(m.id) FROM task_force_member m JOIN task_force t ON t.id = m.task_force_id WHERE t.designation_id = g.id) AS member
           FROM designation g JOIN village v ON v.id = g.village_id JOIN regency r ON r.id = v.regency_id
          WHERE r.code = $1 AND g.status = 'ACTIVE' ORDER BY g.id LIMIT 1`,
        [regency],
      );
      return {
        village: row!.village,
        designation: gid('Designation', row!.designation),
        report: gid('VillageReport', row!.report),
        member: gid('TaskForceMember', row!.member),
      };
    };
    inside = await pick('63.02');
    outside = await pick('53.18');
    await api.graphql('{ me { kind } }', {}, 'kanim'); // sign in now: the session is not part of any case
  });

  afterAll(async () => {
    await api.dispose();
    console.log(`property test: ${inputsTried} generated inputs tried`);
  });

  async function fingerprint(): Promise<string> {
    const [row] = await api.db.sql.query<{ digest: string }>(
      `SELECT concat_ws('|', (SELECT COUNT(*) FROM audit_log), (SELECT COUNT(*) FROM designation), (SELECT COUNT(*) FROM designation_status_change), (SELECT COUNT(*) FROM task_force),
        (SELECT COUNT(*) FROM task_force_member), (SELECT COUNT(*) FROM training_session), (SELECT COUNT(*) FROM training_attendance),
        (SELECT COUNT(*) FROM activity), (SELECT COUNT(*) FROM village_report), (SELECT COUNT(*) FROM report_status_transition),
        (SELECT COUNT(*) FROM api_token), (SELECT COUNT(*) FROM session),
        (SELECT md5(string_agg(id || status::text, ',' ORDER BY id)) FROM village_report),
        (SELECT md5(string_agg(id || ':' || version || ':' || coalesce(left_on::text, ''), ',' ORDER BY id)) FROM task_force_member),
        (SELECT md5(string_agg(id || ':' || version, ',' ORDER BY id)) FROM regency_target)) AS digest`,
    );
    return row!.digest;
  }

  // ─── What goes into a field: plausible values, and everything else ────────────────────────────
  const junk = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
    fc.double({ noNaN: true }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ minLength: 3000, maxLength: 12_000 }),
    fc.constantFrom(
      '',
      ' ',
      '💥',
      'Ω≈ç√',
      '\u0000',
      "'; DROP TABLE village_report; --",
      'NOT_AN_ENUM',
      '9999-99-99',
      '2026-02-30',
      'null',
    ),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
  );
  const maybe = <T>(valid: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: junk });
  const date = fc.oneof(
    fc.constantFrom('2026-11-20', '2024-05-03', '2023-01-01', '2099-01-01', '1999-12-31'),
    fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString().slice(0, 10))),
  );
  const villageCode = () => fc.constantFrom(inside.village, outside.village, '63.02.15.9999', '63.02', '00.00.00.0000');
  const officeCode = fc.constantFrom('KANIM-BATULICIN', 'KANIM-KUPANG', 'KANIM-NOPE', '');
  const designationId = () =>
    fc.constantFrom(
      inside.designation,
      outside.designation,
      gid('Designation', 999_999),
      gid('Village', 1),
      'not-base64!',
    );
  const memberId = () => fc.constantFrom(inside.member, outside.member, gid('TaskForceMember', 999_999), 'x');
  const reportId = () =>
    fc.constantFrom(inside.report, outside.report, gid('VillageReport', 999_999), gid('Province', 1));
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 3, maxLength: 60 }),
    fc.constant('Rapat koordinasi gugus tugas'),
  );
  const withExtras = <T extends object>(record: fc.Arbitrary<T>) =>
    fc
      .tuple(record, fc.dictionary(fc.constantFrom('extra', 'id', '__proto__x', 'admin'), junk, { maxKeys: 1 }))
      .map(([a, b]) => ({ ...b, ...a }));

  const mutations = (): { name: string; document: string; input: () => fc.Arbitrary<unknown> }[] => [
    {
      name: 'submitVillageReport',
      document:
        'mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              source: maybe(fc.constantFrom('app:property', 'Bad Source', 'a')),
              clientReference: maybe(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,20}$/)),
              villageCode: maybe(villageCode()),
              type: maybe(fc.constantFrom('OTHER', 'REFUGEES', 'UNKNOWN_TYPE')),
              occurredOn: maybe(date),
              peopleInvolved: maybe(fc.integer({ min: -5, max: 20_000 })),
              description: maybe(text),
              reporterPhone: maybe(fc.constantFrom('081234567890', '+6281234567890', '123')),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'transitionReportStatus',
      document:
        'mutation($input: TransitionReportStatusInput!) { transitionReportStatus(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              reportId: maybe(reportId()),
              toStatus: maybe(fc.constantFrom('VERIFIED', 'CLOSED', 'REJECTED', 'FOLLOWED_UP', 'SUBMITTED', 'DONE')),
              expectedStatus: maybe(fc.constantFrom('SUBMITTED', 'CLOSED', 'MAYBE')),
              note: maybe(text),
              actionTaken: maybe(text),
              agencies: maybe(fc.array(text, { maxLength: 3 })),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'designateVillage',
      document:
        'mutation($input: DesignateVillageInput!) { designateVillage(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              villageCode: maybe(villageCode()),
              variant: maybe(fc.constantFrom('DESA_BINAAN', 'IMIGRASI_CORNER', 'NOPE')),
              officeCode: maybe(officeCode),
              year: maybe(fc.integer({ min: 1900, max: 2200 })),
              status: maybe(fc.constantFrom('PLANNED', 'ACTIVE', 'ENDED')),
              inauguratedOn: maybe(date),
              selectionReasons: maybe(
                fc.array(fc.constantFrom('BORDER_AREA', 'FAR_FROM_OFFICE', 'BOGUS'), { maxLength: 4 }),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'addTaskForceMember',
      document:
        'mutation($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              designationId: maybe(designationId()),
              role: maybe(fc.constantFrom('BABINSA', 'VILLAGE_HEAD', 'KING')),
              fullName: maybe(fc.oneof(text, fc.constant('Maria Goreti Bere'))),
              phone: maybe(fc.constantFrom('081234567890', '08', '+62')),
              joinedOn: maybe(date),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'recordActivity',
      document:
        'mutation($input: RecordActivityInput!) { recordActivity(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              type: maybe(fc.constantFrom('COUNSELLING', 'TIMPORA_MEETING', 'PARTY')),
              title: maybe(text),
              heldOn: maybe(date),
              place: maybe(text),
              villageCode: maybe(villageCode()),
              regencyCode: maybe(fc.constantFrom('63.02', '53.18', '99.99', '6302')),
              officeCode: maybe(officeCode),
              agenciesPresent: maybe(fc.array(text, { maxLength: 3 })),
              attendeeCount: maybe(fc.integer({ min: -10, max: 1_000_000 })),
              topics: maybe(fc.array(text, { maxLength: 3 })),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'recordTrainingSession',
      document:
        'mutation($input: RecordTrainingSessionInput!) { recordTrainingSession(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              officeCode: maybe(officeCode),
              heldOn: maybe(date),
              place: maybe(text),
              villageCode: maybe(villageCode()),
              moduleCodes: maybe(
                fc.array(fc.constantFrom('PASSPORT_MPASPOR', 'REFUGEE_HANDLING', 'nope', 'NO_SUCH'), { maxLength: 3 }),
              ),
              attendance: maybe(
                fc.array(
                  fc.record(
                    {
                      memberId: maybe(memberId()),
                      moduleCode: maybe(fc.constantFrom('PASSPORT_MPASPOR', 'X')),
                      completed: maybe(fc.boolean()),
                      attended: maybe(fc.boolean()),
                    },
                    { requiredKeys: [] },
                  ),
                  { maxLength: 3 },
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'issueApiToken',
      document:
        'mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              name: maybe(text),
              scopes: maybe(fc.array(fc.constantFrom('RECORDS_READ', 'REPORTS_SUBMIT', 'ADMIN'), { maxLength: 3 })),
              officeCode: maybe(officeCode),
              expiresInDays: maybe(fc.integer({ min: -5, max: 5000 })),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'updateTaskForceMember',
      document:
        'mutation($input: UpdateTaskForceMemberInput!) { updateTaskForceMember(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              memberId: maybe(memberId()),
              expectedVersion: maybe(fc.integer({ min: -1, max: 3 })),
              role: maybe(fc.constantFrom('BABINSA', 'VILLAGE_HEAD', 'KING')),
              fullName: maybe(fc.oneof(text, fc.constant('Maria Goreti Bere'))),
              phone: maybe(fc.constantFrom('081234567890', '', '08')),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'endTaskForceMembership',
      document:
        'mutation($input: EndTaskForceMembershipInput!) { endTaskForceMembership(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              memberId: maybe(memberId()),
              expectedVersion: maybe(fc.integer({ min: -1, max: 3 })),
              leftOn: maybe(date),
            },
            { requiredKeys: [] },
          ),
        ),
    },
    {
      name: 'signIn',
      document: 'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on Error { message } } }',
      input: () =>
        withExtras(
          fc.record(
            {
              email: maybe(fc.constantFrom('kanim.batulicin@binaan.test', 'nobody@binaan.test', 'not-an-email')),
              password: maybe(fc.oneof(text, fc.constant('wrong'))),
            },
            { requiredKeys: [] },
          ),
        ),
    },
  ];

  it.each(mutations().map((mutation) => [mutation.name] as const))('%s', async (name) => {
    const mutation = mutations().find((candidate) => candidate.name === name)!;
    let baseline = await fingerprint();
    await fc.assert(
      fc.asyncProperty(mutation.input(), async (input) => {
        inputsTried += 1;
        const response = await api.post({ query: mutation.document, variables: { input } }, 'kanim');
        expect(response.status, `HTTP ${response.status}`).toBeLessThan(500);
        const body = await response.json();
        const text = JSON.stringify(body);
        expect(text).not.toMatch(/Unexpected error|INTERNAL_SERVER_ERROR|PrismaClient|at \S+\.ts:\d+/);
        const payload = body.data?.[name];
        const succeeded = typeof payload?.__typename === 'string' && payload.__typename.endsWith('Success');
        if (succeeded) {
          baseline = await fingerprint();
        } else {
          // Refused: by the schema (a GraphQL error) or with a typed error in the payload. Nothing changed.
          expect(
            payload === undefined || payload === null ? body.errors?.length : payload.message?.length,
          ).toBeGreaterThan(0);
          expect(await fingerprint()).toBe(baseline);
        }
      }),
      { numRuns: RUNS_PER_MUTATION, seed: 20_230_726 },
    );
  });
});
