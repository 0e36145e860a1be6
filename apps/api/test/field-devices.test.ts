// The field app's phones (issue 16): an office enrols one for a designated village with a one-time code;
// its credential submits that village's reports (once per client reference) and reads their status, and
// nothing else; revoked, it is refused at once. Every refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_FIELDS, expectRefused } from './support/mutation-checks.js';
import { createSeededApi, SEED_TODAY, type SeededApi } from './support/seeded-api.js';

const ENROL_CODE = `mutation($input: CreateDeviceEnrolmentInput!) { createDeviceEnrolment(input: $input) {
  ${ERROR_FIELDS} ... on MutationCreateDeviceEnrolmentSuccess { data { code expiresAt villageCode enrolmentPath } } } }`;
const ENROL = `mutation($code: String!) { enrolDevice(input: { code: $code }) {
  ${ERROR_FIELDS} ... on MutationEnrolDeviceSuccess { data { credential device { id label village { code } } } } } }`;
const SUBMIT = `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) {
  ${ERROR_FIELDS} ... on MutationSubmitVillageReportSuccess { data { created report { id status } } } } }`;
const STATUS = `query($refs: [String!]!) { deviceReports(clientReferences: $refs) { clientReference reportId status } }`;

describe('field devices', () => {
  let api: SeededApi;
  let village: string;
  let neighbour: string;

  beforeAll(async () => {
    api = await createSeededApi();
    const designated = await api.graphql(
      `{ designations(first: 2, filter: { area: { regencyCodes: ["63.02"] }, statuses: [ACTIVE] }) { edges { node { village { code } } } } }`,
      {},
      'kanim',
    );
    [village, neighbour] = designated.data!.designations.edges.map(
      (edge: { node: { village: { code: string } } }) => edge.node.village.code,
    );
  });
  afterAll(async () => {
    await api.dispose();
  });

  const newCode = async (villageCode = village) => {
    const result = await api.graphql(ENROL_CODE, { input: { villageCode, label: 'HP Sekdes' } }, 'kanim');
    return result.data!.createDeviceEnrolment.data as { code: string; enrolmentPath: string };
  };
  const enrol = async (code: string) =>
    (await api.graphql(ENROL, { code }, 'anonymous')).data!.enrolDevice as {
      __typename: string;
      data: { credential: string; device: { id: string } };
    };
  const report = (clientReference: string, villageCode = village) => ({
    input: {
      source: 'app:lapor',
      clientReference,
      villageCode,
      type: 'FOREIGN_NATIONAL_PRESENT',
      occurredOn: SEED_TODAY,
      peopleInvolved: 2,
      description: 'Dua orang asing menginap di rumah warga.',
    },
  });
  const rows = async (clientReference: string) =>
    (
      await api.db.sql.query<{ n: number }>(
        'SELECT COUNT(*)::int AS n FROM village_report WHERE client_reference = $1',
        [clientReference],
      )
    )[0]!.n;

  it('enrols a phone once with a one-time code, whatever its case and dash', async () => {
    const { code, enrolmentPath } = await newCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(enrolmentPath).toBe(`/lapor/#kode=${code}`);
    const enrolled = await enrol(code.toLowerCase().replace('-', ' '));
    expect(enrolled.__typename).toBe('MutationEnrolDeviceSuccess');
    expect(enrolled.data.credential).toMatch(/^bnn_d_/);
    const again = await enrol(code);
    expect(again.__typename).toBe('EnrolmentCodeInvalidError');
    // Only hashes are stored.
    const [stored] = await api.db.sql.query<{ hashes: string }>(
      `SELECT string_agg(code_hash, ',') || (SELECT string_agg(token_hash, ',') FROM field_device) AS hashes FROM device_enrolment`,
    );
    expect(stored!.hashes).not.toContain(code);
    expect(stored!.hashes).not.toContain(enrolled.data.credential);
  });

  it("submits its village's reports once per client reference, and reads their status", async () => {
    const { credential } = (await enrol((await newCode()).code)).data;
    const device = { token: credential };
    const first = await api.graphql(SUBMIT, report('HP-1'), device);
    expect(first.data!.submitVillageReport.data).toMatchObject({ created: true, report: { status: 'SUBMITTED' } });
    const resent = await api.graphql(SUBMIT, report('HP-1'), device);
    expect(resent.data!.submitVillageReport.data).toMatchObject({ created: false });
    expect(await rows('HP-1')).toBe(1);

    const status = await api.graphql(STATUS, { refs: ['HP-1', 'HP-never-sent'] }, device);
    expect(status.data!.deviceReports).toEqual([
      { clientReference: 'HP-1', reportId: first.data!.submitVillageReport.data.report.id, status: 'SUBMITTED' },
    ]);
    // The office verifies it; the phone sees that.
    await api.graphql(
      `mutation($id: ID!) { transitionReportStatus(input: { reportId: $id, toStatus: VERIFIED }) { __typename } }`,
      { id: first.data!.submitVillageReport.data.report.id },
      'kanim',
    );
    expect((await api.graphql(STATUS, { refs: ['HP-1'] }, device)).data!.deviceReports[0].status).toBe('VERIFIED');

    const devices = await api.graphql(
      `query($v: String!) { fieldDevices(villageCode: $v) { label reportsSent revokedAt } }`,
      { v: village },
      'kanim',
    );
    expect(devices.data!.fieldDevices).toContainEqual({ label: 'HP Sekdes', reportsSent: 1, revokedAt: null });
  });

  it('cannot read anything else, nor submit for another village', async () => {
    const { credential } = (await enrol((await newCode()).code)).data;
    const device = { token: credential };
    await expectRefused(
      api,
      SUBMIT,
      'submitVillageReport',
      report('HP-elsewhere', neighbour),
      'ForbiddenError',
      ['input', 'villageCode'],
      device,
    );
    for (const query of [
      '{ designations(first: 1) { totalCount } }',
      '{ reports(first: 1) { totalCount } }',
      '{ overview { computedAt } }',
      `{ fieldDevices(villageCode: "${village}") { label } }`,
    ]) {
      const result = await api.graphql(query, {}, device);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
    expect((await api.graphql('{ me { kind } }', {}, device)).data!.me.kind).toBe('device');
    // Its own record, with the village it reports for; other callers get null.
    const itself = await api.graphql('{ thisDevice { label village { code } } }', {}, device);
    expect(itself.data!.thisDevice).toEqual({ label: 'HP Sekdes', village: { code: village } });
    expect((await api.graphql('{ thisDevice { label } }', {}, 'kanim')).data!.thisDevice).toBeNull();
  });

  it('is refused from its next request once revoked; its reports stay', async () => {
    const enrolled = (await enrol((await newCode()).code)).data;
    const device = { token: enrolled.credential };
    await api.graphql(SUBMIT, report('HP-before-revoke'), device);
    const revoked = await api.graphql(
      `mutation($id: ID!) { revokeFieldDevice(input: { deviceId: $id }) { ${ERROR_FIELDS} ... on MutationRevokeFieldDeviceSuccess { data { revokedAt } } } }`,
      { id: enrolled.device.id },
      'kanim',
    );
    expect(revoked.data!.revokeFieldDevice.data.revokedAt).toBeTruthy();
    const after = await api.graphql(SUBMIT, report('HP-after-revoke'), device);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await rows('HP-after-revoke')).toBe(0);
    expect(await rows('HP-before-revoke')).toBe(1);
  });

  it('makes codes only for ACTIVE designated villages in the area', async () => {
    const free = await api.graphql(
      `{ villages(first: 1, filter: { area: { regencyCodes: ["63.02"] }, designated: false }) { edges { node { code } } } }`,
      {},
      'kanim',
    );
    await expectRefused(
      api,
      ENROL_CODE,
      'createDeviceEnrolment',
      { input: { villageCode: free.data!.villages.edges[0].node.code, label: 'HP' + ' Desa' } },
      'ConflictError',
      ['input', 'villageCode'],
    );
    const outside = await api.graphql(
      `{ designations(first: 1, filter: { area: { provinceCodes: ["53"] }, statuses: [ACTIVE] }) { edges { node { village { code } } } } }`,
    );
    await expectRefused(
      api,
      ENROL_CODE,
      'createDeviceEnrolment',
      { input: { villageCode: outside.data!.designations.edges[0].node.village.code, label: 'HP Desa' } },
      'ForbiddenError',
      ['input', 'villageCode'],
    );
  });
});
