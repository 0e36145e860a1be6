// A designation's decree (SK) as a PDF: uploaded by an office inside its area, kept with its SHA-256, served
// back byte for byte, and refused (nothing written) when too large, not a PDF, sent cross-site, or
// outside the caller's area.
import { createHash } from 'node:crypto';
import { MAX_DECREE_PDF_BYTES } from '@binaan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';
import { startTestService } from './support/service.js';

/** A small but real PDF: header, one empty page, trailer. */
const pdf = (text = 'SK Kepala Kantor') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );

describe("a designation's decree (SK)", () => {
  let api: SeededApi;
  let inside: string; // a designation in Kabupaten Kotabaru, Kanim Batulicin's area
  let outside: string; // one in NTT
  const path = (id: string) => `/documents/designations/${encodeURIComponent(id)}/decree`;
  const put = (id: string, body: Buffer, as: Parameters<SeededApi['request']>[2] = 'kanim', headers = {}) =>
    api.request(
      path(id),
      {
        method: 'PUT',
        body: new Uint8Array(body),
        headers: { 'content-type': 'application/pdf', 'x-binaan-client': 'binaan-dashboard', ...headers },
      },
      as,
    );
  const stored = async () =>
    (await api.db.sql.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM designation_document'))[0]!.n;

  beforeAll(async () => {
    api = await createSeededApi();
    const pick = async (area: string) =>
      (
        await api.graphql(
          `{ designations(first: 1, filter: { area: ${area}, statuses: [ACTIVE] }) { edges { node { id } } } }`,
        )
      ).data!.designations.edges[0].node.id as string;
    inside = await pick('{ regencyCodes: ["63.02"] }');
    outside = await pick('{ provinceCodes: ["53"] }');
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('keeps an uploaded PDF with its checksum and serves it back byte for byte', async () => {
    const file = pdf();
    const response = await put(inside, file, 'kanim', { 'x-file-name': encodeURIComponent('SK Desa Binaan 2026.pdf') });
    expect(response.status).toBe(201);
    const { document } = (await response.json()) as {
      document: { sha256: string; byteSize: number; fileName: string };
    };
    const sha256 = createHash('sha256').update(file).digest('hex');
    expect(document).toMatchObject({ sha256, byteSize: file.byteLength, fileName: 'SK_Desa_Binaan_2026.pdf' });

    const listed = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Designation { decreeUploadUrl decreeDocuments { fileName byteSize sha256 uploadedBy } } } }`,
      { id: inside },
      'kanim',
    );
    expect(listed.data!.node.decreeUploadUrl).toBe(path(inside));
    expect(listed.data!.node.decreeDocuments).toEqual([
      {
        fileName: 'SK_Desa_Binaan_2026.pdf',
        byteSize: file.byteLength,
        sha256,
        uploadedBy: expect.stringMatching(/^user:/),
      },
    ]);

    // For Kanwil NTT the designation is in another province: it does not exist for them.
    expect((await api.request(path(inside), { method: 'GET' }, 'kanwil')).status).toBe(404);
    const mine = await api.request(path(inside), { method: 'GET' }, 'kanim');
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('etag')).toBe(`"${sha256}"`);
    expect(Buffer.from(await mine.arrayBuffer()).equals(file)).toBe(true);

    const audit = await api.db.sql.query<{ after: { sha256: string } }>(
      `SELECT after FROM audit_log WHERE action = 'attachDecreeDocument' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]!.after.sha256).toBe(sha256);
  });

  it('keeps an earlier upload when a newer one replaces it', async () => {
    const before = await stored();
    expect((await put(inside, pdf('revisi'))).status).toBe(201);
    expect(await stored()).toBe(before + 1);
    const listed = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Designation { decreeDocuments { sha256 } } } }`,
      { id: inside },
      'kanim',
    );
    expect(listed.data!.node.decreeDocuments[0].sha256).toBe(createHash('sha256').update(pdf('revisi')).digest('hex'));
    expect(listed.data!.node.decreeDocuments).toHaveLength(2);

    // The earlier version is still served, byte for byte, from its own address.
    const versions = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Designation { decreeDocuments { sha256 url } } } }`,
      { id: inside },
      'kanim',
    );
    const [latest, earlier] = versions.data!.node.decreeDocuments as { sha256: string; url: string }[];
    expect(latest!.url).toBe(`${path(inside)}?sha256=${latest!.sha256}`);
    const old = await api.request(earlier!.url, { method: 'GET' }, 'kanim');
    expect(old.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await old.arrayBuffer()))
        .digest('hex'),
    ).toBe(earlier!.sha256);
    expect((await api.request(`${path(inside)}?sha256=${'0'.repeat(64)}`, { method: 'GET' }, 'kanim')).status).toBe(
      404,
    );
    expect((await api.request(`${path(inside)}?sha256=nope`, { method: 'GET' }, 'kanim')).status).toBe(404);
  });

  it('refuses what it must not keep, says why in the caller’s language, and writes nothing', async () => {
    const before = await stored();
    const refused = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string; message: string; field: string } };
      expect(body.error).toMatchObject({ code, field: 'file' });
      return body.error.message;
    };
    const tooLarge = Buffer.concat([pdf(), Buffer.alloc(MAX_DECREE_PDF_BYTES + 1 - pdf().byteLength + 1024, 0x20)]);
    expect(await refused(await put(inside, tooLarge), 413, 'FILE_TOO_LARGE')).toBe('Berkas SK lebih besar dari 5 MB.');
    expect(await refused(await put(inside, Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1')), 415, 'NOT_A_PDF')).toBe(
      'Berkas SK harus berupa PDF.',
    );
    await refused(await put(inside, Buffer.alloc(0)), 400, 'FILE_EMPTY');
    // A cross-site form cannot send the client header: without it, no upload.
    await refused(await put(inside, pdf(), 'kanim', { 'x-binaan-client': '' }), 403, 'FORBIDDEN');
    // National leadership reads but does not record; an office outside its area sees nothing there.
    await refused(await put(inside, pdf(), 'national'), 403, 'FORBIDDEN');
    await refused(await put(outside, pdf()), 404, 'NOT_FOUND');
    await refused(await put(inside, pdf(), 'anonymous'), 404, 'NOT_FOUND');
    await refused(await put('not-an-id', pdf()), 404, 'NOT_FOUND');
    expect(await stored()).toBe(before);
  });

  it('cuts off an over-large body over real HTTP without reading it all', async () => {
    const service = await startTestService(api.db);
    try {
      const cookie = await (async () => {
        const response = await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }',
            variables: { input: { email: 'kanim.batulicin@binaan.test', password: 'binaan-demo-2026' } },
          }),
        });
        return response.headers.get('set-cookie')!.split(';')[0]!;
      })();
      const before = await stored();
      const big = await fetch(`${service.url}${path(inside)}`, {
        method: 'PUT',
        headers: {
          cookie,
          'content-type': 'application/pdf',
          'x-binaan-client': 'binaan-dashboard',
          'accept-language': 'en',
        },
        body: new Uint8Array(Buffer.concat([pdf(), Buffer.alloc(6 * 1024 * 1024, 0x20)])),
      });
      expect(big.status).toBe(413);
      expect(((await big.json()) as { error: { message: string } }).error.message).toBe(
        'The decree file is larger than 5 MB.',
      );
      const small = await fetch(`${service.url}${path(inside)}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/pdf', 'x-binaan-client': 'binaan-dashboard' },
        body: new Uint8Array(pdf('lewat HTTP')),
      });
      expect(small.status).toBe(201);
      expect(await stored()).toBe(before + 1);
    } finally {
      // The service closes the database it was given when it stops; this is the file's last test.
      await service.stop();
    }
  });
});
