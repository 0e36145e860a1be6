// The rollup files are the source of the rollups' SQL: after migrating, the database holds exactly the
// functions, triggers and views the files declare, as the files define them, and each family's triggers
// sit on the tables the registry names (which is what the seed switches off for a bulk load).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { readRollupSql, rollupFamilies, rollupSourceTables } from '../src/rollups.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-database.js';

const declared = rollupFamilies.map((family) => {
  const sql = readRollupSql(family);
  return {
    family,
    functions: [...sql.matchAll(/CREATE OR REPLACE FUNCTION (\w+)\(/g)].map((match) => match[1]!),
    views: [...sql.matchAll(/CREATE OR REPLACE VIEW (\w+)/g)].map((match) => match[1]!),
    triggers: [...sql.matchAll(/CREATE OR REPLACE TRIGGER (\w+)[\s\S]*?\bON "?(\w+)"?\s+FOR EACH/g)].map((match) => ({
      name: match[1]!,
      table: match[2]!,
    })),
  };
});

/** Every definition in the public schema, as PostgreSQL prints it. */
async function definitions(test: TestDatabase) {
  const functions = await test.db.sql.query<{ name: string; definition: string }>(
    `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1`,
  );
  const triggers = await test.db.sql.query<{ name: string; table: string; definition: string }>(
    `SELECT t.tgname AS name, c.relname AS table, pg_get_triggerdef(t.oid) AS definition
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1`,
  );
  const views = await test.db.sql.query<{ name: string; definition: string }>(
    `SELECT viewname AS name, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1`,
  );
  return { functions, triggers, views };
}

describe('rollups as source', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await migrate(test.db.sql);
  });
  afterAll(() => test.dispose());

  it('holds exactly the functions, views and triggers the rollup files declare', async () => {
    const actual = await definitions(test);
    const sorted = (names: string[]) => [...names].sort();
    expect(sorted(actual.functions.map((row) => row.name))).toEqual(sorted(declared.flatMap((file) => file.functions)));
    expect(sorted(actual.views.map((row) => row.name))).toEqual(sorted(declared.flatMap((file) => file.views)));
    expect(sorted(actual.triggers.map((row) => `${row.table}.${row.name}`))).toEqual(
      sorted(declared.flatMap((file) => file.triggers.map((trigger) => `${trigger.table}.${trigger.name}`))),
    );
  });

  it('defines them as the files do: applying every file again changes nothing', async () => {
    const migrated = await definitions(test);
    for (const family of rollupFamilies) await test.db.sql.exec(readRollupSql(family));
    expect(await definitions(test)).toEqual(migrated);
  });

  it('names in the registry the tables each family’s triggers watch, and a rebuild the family defines', () => {
    for (const { family, functions, triggers } of declared) {
      expect([...new Set(triggers.map((trigger) => trigger.table))].sort(), family.name).toEqual(
        [...family.sources].sort(),
      );
      expect(functions, family.name).toContain(family.rebuild);
    }
    expect(rollupSourceTables).toEqual(
      expect.arrayContaining(['village_report', 'designation', 'training_attendance']),
    );
  });
});
