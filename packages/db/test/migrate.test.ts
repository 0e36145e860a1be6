import { cpSync, mkdtempSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate, MigrationError, pendingMigrations, readMigrations } from '../src/migrate.js';
import { rollupFamilies } from '../src/rollups.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../src/testing/test-database.js';

function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'binaan-migrations-'));
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

async function tableNames(test: TestDatabase): Promise<string[]> {
  const rows = await test.db.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('the migrator', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase();
  });
  afterEach(async () => {
    await test.dispose();
  });

  it('applies every migration once and records each with its checksum', async () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(await pendingMigrations(test.db.sql)).toEqual(files.map((file) => file.name));

    const first = await migrate(test.db.sql);
    expect(first.applied).toEqual(files.map((file) => file.name));
    expect(first.rollupsApplied).toEqual(rollupFamilies.map((family) => family.name));
    expect(await tableNames(test)).toEqual(expect.arrayContaining(['village', 'village_report', '_binaan_migrations']));

    const recorded = await test.db.sql.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM _binaan_migrations ORDER BY name',
    );
    expect(recorded).toEqual(files.map(({ name, checksum }) => ({ name, checksum })));

    const second = await migrate(test.db.sql);
    expect(second.applied).toEqual([]);
    expect(second.rollupsApplied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((file) => file.name));
    expect(await pendingMigrations(test.db.sql)).toEqual([]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const dir = copyOfMigrations();
    await migrate(test.db.sql, dir);
    const [first] = readMigrations(dir);
    appendFileSync(join(dir, first!.name, 'migration.sql'), '\n-- a later edit\n');
    await expect(migrate(test.db.sql, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(test.db.sql, dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it('refuses to run when an applied migration is missing on disk', async () => {
    const dir = copyOfMigrations();
    mkdirSync(join(dir, '99990101000000_extra'));
    writeFileSync(join(dir, '99990101000000_extra', 'migration.sql'), 'CREATE TABLE extra_table (id int);');
    await migrate(test.db.sql, dir);
    await expect(migrate(test.db.sql)).rejects.toThrow(/99990101000000_extra was applied .* file is missing/);
  });

  it('applies nothing at all when one pending migration fails', async () => {
    const dir = copyOfMigrations();
    mkdirSync(join(dir, '99990101000000_broken'));
    writeFileSync(
      join(dir, '99990101000000_broken', 'migration.sql'),
      'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;',
    );
    await expect(migrate(test.db.sql, dir)).rejects.toThrow(/99990101000000_broken failed/);
    // The first migration ran in the same transaction and was rolled back with it.
    expect(await tableNames(test)).toEqual([]);
  });

  it.runIf(testDatabaseKind === 'postgres')(
    'lets only one of several concurrent processes apply migrations',
    async () => {
      const others = await Promise.all([test.reopen(), test.reopen(), test.reopen()]);
      const results = await Promise.all([test.db, ...others].map((db) => migrate(db.sql)));
      const appliers = results.filter((result) => result.applied.length > 0);
      expect(appliers).toHaveLength(1);
      expect(await pendingMigrations(test.db.sql)).toEqual([]);
    },
  );
});
