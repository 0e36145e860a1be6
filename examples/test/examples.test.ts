// The example consumers run as another application would run them: as separate processes, over HTTP,
// with an API token, against a production-mode server (which runs their own documents only because
// they carry a token).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Service } from '@binaan/api/service';
import { asApplicationsSeeIt, createSeededApi, type SeededApi, startTestService } from '@binaan/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

describe('examples/', () => {
  let api: SeededApi;
  let service: Service;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    api = await createSeededApi();
    // As an office's reporting application would get it: submit reports and read them, Batulicin's area only.
    const token = await api.issueToken('kanim', ['REPORTS_SUBMIT', 'RECORDS_READ'], 'KANIM-BATULICIN');
    service = await startTestService(api.db, asApplicationsSeeIt);
    env = { ...process.env, BINAAN_URL: `${service.url}/graphql`, BINAAN_TOKEN: token };
  });
  afterAll(async () => {
    await service.stop();
    await api.dispose();
  });

  it('submit-report.ts submits a report with a token and reads it back; a retry returns the same report', async () => {
    const first = await run(tsx, [script('submit-report.ts'), '63.02.15.2002', 'example-retry-1'], { env });
    const submitted = JSON.parse(first.stdout);
    expect(submitted.created).toBe(true);
    expect(submitted.report).toMatchObject({
      type: 'FOREIGN_NATIONAL_PRESENT',
      status: 'SUBMITTED',
      peopleInvolved: 2,
      village: { code: '63.02.15.2002', name: 'Gendang Timburu' },
      transitions: [{ toStatus: 'SUBMITTED' }],
    });

    const retry = JSON.parse(
      (await run(tsx, [script('submit-report.ts'), '63.02.15.2002', 'example-retry-1'], { env })).stdout,
    );
    expect(retry.created).toBe(false);
    expect(retry.report.id).toBe(submitted.report.id);
    const stored = await api.db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM village_report WHERE source = 'example-app' AND client_reference = 'example-retry-1'`,
    );
    expect(stored[0]!.count).toBe(1);
  });

  it('submit-report.ts fails with the typed error for a village outside the token’s area, writing nothing', async () => {
    const outside = await run(tsx, [script('submit-report.ts'), '53.04.01.2001', 'example-outside'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in outside && outside.code).toBe(1);
    expect((outside as { stderr: string }).stderr).toContain('ForbiddenError: Ini di luar wilayah Anda.');
    const stored = await api.db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM village_report WHERE client_reference = 'example-outside'`,
    );
    expect(stored[0]!.count).toBe(0);
  });

  it('export-csv.ts pages through every row by cursor, with the columns of the query whatever the data', async () => {
    const query = `query Reports($after: String) {
      reports(first: 40, after: $after, filter: { area: { regencyCodes: ["63.02"] } }) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id type occurredOn designation { year variant } village { code name } transitions { toStatus } } }
      } }`;
    const file = join(mkdtempSync(join(tmpdir(), 'binaan-export-')), 'reports.graphql');
    writeFileSync(file, query);
    const { stdout, stderr } = await run(tsx, [script('export-csv.ts'), file], { env, maxBuffer: 64 * 1024 * 1024 });
    const [header, ...lines] = stdout.trim().split(/\r?\n/);
    expect(header).toBe(
      'id,type,occurredOn,designation.year,designation.variant,village.code,village.name,transitions',
    );
    const [{ count }] = (await api.db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM village_report r JOIN regency g ON g.id = r.regency_id WHERE g.code = '63.02'`,
    )) as [{ count: number }];
    expect(count).toBeGreaterThan(80); // more than two pages of 40
    expect(lines).toHaveLength(count);
    expect(new Set(lines.map((line) => line.split(',')[0])).size).toBe(count); // no row twice
    const pages = stderr.trim().split('\n');
    expect(pages).toHaveLength(Math.ceil(count / 40));
    expect(pages.at(-1)).toBe(`page ${pages.length}: ${count} of ${count} rows`);
  });
});
