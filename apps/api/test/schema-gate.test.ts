// The breaking-change gate on fixture schema pairs (test/fixtures/schema-gate), and the command CI runs,
// in a scratch git repository with two commits.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSchemaChange } from '../src/schema-gate/gate.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`fixtures/schema-gate/${name}.graphql`, import.meta.url)), 'utf8');
const before = fixture('before');
const today = '2026-11-25';

const entry = (coordinates: string[], deprecatedOn: string, removableFrom: string) => `
## ${coordinates.join(', ')}
- Change: ${coordinates.map((coordinate) => `\`${coordinate}\``).join(', ')}
- Deprecated: ${deprecatedOn}
- Removable from: ${removableFrom}
- Instead: see the deprecation reason.
`;

const check = (after: string, changelog = '') =>
  checkSchemaChange({ oldSdl: before, newSdl: fixture(after), changelog, today });

describe('the schema change gate', () => {
  it('lets additions through', async () => {
    const result = await check('after-additive');
    expect(result.ok).toBe(true);
    expect(result.breaking).toEqual([]);
    expect(result.other.map((change) => change.message)).toEqual(
      expect.arrayContaining([
        "Field 'districtCount' was added to object type 'Query'",
        "Enum value 'SUSPENDED' was added to enum 'DesignationStatus'",
      ]),
    );
  });

  it('refuses removing deprecated elements that SCHEMA_CHANGES.md does not record', async () => {
    const result = await check('after-removes-deprecated');
    expect(result.ok).toBe(false);
    expect(result.breaking.map((finding) => finding.coordinate).sort()).toEqual([
      'DesignationStatus.INACTIVE',
      'Query.desaCount',
    ]);
    for (const finding of result.breaking) expect(finding.problem).toMatch(/^not recorded in SCHEMA_CHANGES\.md/);
  });

  it('allows them once recorded with a deprecation period that has ended', async () => {
    const result = await check(
      'after-removes-deprecated',
      entry(['Query.desaCount', 'DesignationStatus.INACTIVE'], '2026-05-01', '2026-08-01'),
    );
    expect(result.breaking.map((finding) => finding.problem)).toEqual([null, null]);
    expect(result.ok).toBe(true);
  });

  it('refuses them while the period runs, and when the period is too short', async () => {
    const running = await check(
      'after-removes-deprecated',
      entry(['Query.desaCount', 'DesignationStatus.INACTIVE'], '2026-10-01', '2027-01-01'),
    );
    expect(running.ok).toBe(false);
    expect(running.breaking[0]!.problem).toMatch(/still in its deprecation period \(removable from 2027-01-01\)/);
    const short = await check(
      'after-removes-deprecated',
      entry(['Query.desaCount', 'DesignationStatus.INACTIVE'], '2026-09-01', '2026-10-01'),
    );
    expect(short.ok).toBe(false);
    expect(short.breaking[0]!.problem).toMatch(/is 30 days; it must be at least 90/);
  });

  it('refuses removing a field that was never deprecated, whatever the changelog says', async () => {
    const result = await check('after-removes-live-field', entry(['Village.name'], '2026-01-01', '2026-06-01'));
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual([
      expect.objectContaining({
        coordinate: 'Village.name',
        problem: expect.stringMatching(/was not @deprecated before its removal/),
      }),
    ]);
  });

  it('refuses changing a type in place unless recorded', async () => {
    const unrecorded = await check('after-changes-type');
    expect(unrecorded.ok).toBe(false);
    expect(unrecorded.breaking[0]).toMatchObject({
      coordinate: 'Village.population',
      message: expect.stringContaining("changed type from 'String' to 'Int'"),
    });
    const recorded = await check('after-changes-type', entry(['Village.population'], '2026-01-01', '2026-06-01'));
    expect(recorded.ok).toBe(true);
  });
});

describe('npm run schema:check, as CI runs it', () => {
  it('fails on a commit that removes a field without notice, and passes once the change is recorded after deprecation', () => {
    const repo = mkdtempSync(join(tmpdir(), 'binaan-schema-gate-'));
    const cli = fileURLToPath(new URL('../src/schema-gate/cli.ts', import.meta.url));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@binaan.test', ...args], { cwd: repo });
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, '--schema', join(repo, 'schema.graphql')], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        encoding: 'utf8',
      });
    try {
      git('init', '-q');
      copyFileSync(
        fileURLToPath(new URL('fixtures/schema-gate/before.graphql', import.meta.url)),
        join(repo, 'schema.graphql'),
      );
      git('add', '.');
      git('commit', '-q', '-m', 'first schema');
      expect(run().status).toBe(0); // no previous version

      copyFileSync(
        fileURLToPath(new URL('fixtures/schema-gate/after-removes-deprecated.graphql', import.meta.url)),
        join(repo, 'schema.graphql'),
      );
      git('commit', '-q', '-am', 'remove deprecated things');
      const refused = run();
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain("breaking: Field 'desaCount' (deprecated) was removed from object type 'Query'");
      expect(refused.stdout).toContain('REFUSED: not recorded in SCHEMA_CHANGES.md');

      writeFileSync(
        join(repo, 'SCHEMA_CHANGES.md'),
        `# Schema changes\n${entry(['Query.desaCount', 'DesignationStatus.INACTIVE'], '2026-01-01', '2026-04-01')}`,
      );
      git('add', '.');
      git('commit', '-q', '--amend', '-m', 'remove deprecated things, recorded');
      const allowed = run();
      expect(allowed.stdout).toContain('allowed by SCHEMA_CHANGES.md');
      expect(allowed.status).toBe(0);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  }, 60_000);
});
