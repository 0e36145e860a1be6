// Messages reach people in their language: Bahasa Indonesia by default, English on request.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localize } from '../src/messages.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const sourceDir = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every message the code raises: error constructors and the messages given to validation rules. */
function messagesInSource(): string[] {
  const messages = new Set<string>();
  for (const file of sourceFiles(sourceDir)) {
    const text = readFileSync(file, 'utf8');
    const sample = (template: string) => template.replace(/\$\{[^}]+\}/g, 'X');
    for (const match of text.matchAll(
      /new (?:NotFound|Conflict|Forbidden|InvalidCredentials)Error\(\s*(['`])((?:(?!\1).)+)\1/g,
    ))
      messages.add(sample(match[2]!));
    for (const match of text.matchAll(/\.(?:regex|min|max)\([^'`\n]*?,\s*(['`])((?:(?!\1).)+)\1\)/g))
      messages.add(sample(match[2]!));
    for (const match of text.matchAll(/message: (['`])((?:(?!\1).)+)\1/g)) messages.add(sample(match[2]!));
  }
  return [...messages];
}

describe('messages for people', () => {
  it('has an Indonesian translation for every message the API raises', () => {
    const messages = messagesInSource();
    expect(messages.length).toBeGreaterThan(40);
    const untranslated = messages.filter((message) => localize(message, 'id') === message);
    expect(untranslated).toEqual([]);
  });

  describe('through the API', () => {
    let api: SeededApi;
    beforeAll(async () => {
      api = await createSeededApi();
    });
    afterAll(async () => {
      await api.dispose();
    });

    const submit = async (input: Record<string, unknown>, language: string) => {
      const response = await api.post(
        {
          query: `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) {
            __typename ... on Error { message } ... on InputValidationError { issues { path message } } } }`,
          variables: { input },
        },
        'kanim',
        { 'accept-language': language },
      );
      return (await response.json()).data.submitVillageReport;
    };
    const report = {
      source: 'app:i18n',
      clientReference: 'i18n-1',
      villageCode: '63.02.15.2002',
      type: 'OTHER',
      occurredOn: '2026-11-01',
      peopleInvolved: 1,
      description: 'Uji pesan.',
    };

    it('speaks Bahasa Indonesia by default and English when asked', async () => {
      const missingId = await submit({ ...report, villageCode: '63.02.15.9999' }, 'id-ID,id;q=0.9');
      expect(missingId.message).toBe('Tidak ada desa/kelurahan dengan kode 63.02.15.9999.');
      const missingEn = await submit({ ...report, villageCode: '63.02.15.9999' }, 'en-GB,en;q=0.8');
      expect(missingEn.message).toBe('No village has code 63.02.15.9999.');
      const outside = await submit({ ...report, villageCode: '53.18.01.2001' }, 'id');
      expect(outside).toEqual({ __typename: 'ForbiddenError', message: 'Ini di luar wilayah Anda.' });
    });

    it('names the bad field, in the caller language, for our rules and for zod', async () => {
      const ours = await submit({ ...report, villageCode: '63.02' }, 'id');
      expect(ours.issues).toEqual([
        { path: ['input', 'villageCode'], message: 'Kode desa/kelurahan berbentuk 63.02.15.2002.' },
      ]);
      const zods = await submit({ ...report, peopleInvolved: 0 }, 'id');
      expect(zods.issues[0].path).toEqual(['input', 'peopleInvolved']);
      expect(zods.issues[0].message).toMatch(/^Terlalu kecil/);
      expect(zods.message).toMatch(/^input\.peopleInvolved: Terlalu kecil/);
      const english = await submit({ ...report, peopleInvolved: 0 }, 'en');
      expect(english.issues[0].message).toMatch(/^Too small/);
    });

    it('refuses a date that is not one, in the document or in a variable, in the caller language', async () => {
      const stats = (from: string) =>
        `{ reportStats(filter: { period: { from: ${from}, to: "2025-12-31" } }) { rows { reports } } }`;
      const ask = async (body: unknown, language: string) => {
        const response = await api.post(body, 'analyst', { 'accept-language': language });
        return { status: response.status, body: (await response.json()) as { data?: unknown; errors: any[] } };
      };
      // The same document twice: the second answer comes from the validation cache, read in English.
      const literal = await ask({ query: stats('"2025-13-01"') }, 'id');
      expect(literal.status).toBe(400);
      expect(literal.body.errors).toEqual([
        {
          message: '"2025-13-01" bukan tanggal; tulis dengan format YYYY-MM-DD, mis. 2026-01-31.',
          locations: [{ line: 1, column: 41 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ]);
      const literalEn = await ask({ query: stats('"2025-13-01"') }, 'en');
      expect(literalEn.body.errors[0].message).toBe(
        '"2025-13-01" is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31.',
      );
      const number = await ask({ query: stats('20250101') }, 'id');
      expect(number.body.errors[0].message).toBe(
        '20250101 bukan tanggal; tulis dengan format YYYY-MM-DD, mis. 2026-01-31.',
      );

      const reportCount = async () =>
        (await api.graphql(`{ reports { totalCount } }`, {}, 'kanim')).data!.reports.totalCount as number;
      const reportsBefore = await reportCount();
      const variable = await ask(
        {
          query: `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
          variables: { input: { ...report, occurredOn: '31/10/2026' } },
        },
        'id',
      );
      expect(variable.status).toBe(400);
      expect(variable.body.data).toBeUndefined();
      expect(variable.body.errors).toEqual([
        expect.objectContaining({
          message:
            'Nilai variabel "$input" pada "input.occurredOn" tidak valid; "31/10/2026" bukan tanggal; tulis dengan format YYYY-MM-DD, mis. 2026-01-31.',
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ]);
      const day = await ask(
        {
          query: `query($from: Date!) { reportStats(filter: { period: { from: $from } }) { rows { reports } } }`,
          variables: { from: '2025-02-30' },
        },
        'en',
      );
      expect(day.body.errors[0]).toMatchObject({
        message:
          'Variable "$from" got invalid value "2025-02-30"; "2025-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      // Any other refused variable is typed as well, in graphql-js's words.
      const count = await ask(
        { query: `query($n: Int) { villages(first: $n) { totalCount } }`, variables: { n: 'lima' } },
        'id',
      );
      expect(count.body.errors[0]).toMatchObject({
        message: expect.stringMatching(/^Variable "\$n" got invalid value "lima"; Int cannot represent/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      // Nothing was written.
      expect(await reportCount()).toBe(reportsBefore);
    });

    it('refuses anonymous callers in their language', async () => {
      const response = await api.post({ query: '{ reports(first: 1) { totalCount } }' }, 'anonymous', {
        'accept-language': 'id',
      });
      expect((await response.json()).errors[0].message).toBe('Silakan masuk terlebih dahulu.');
    });
  });
});
