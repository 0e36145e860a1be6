// The drift check: schema.prisma and the database built by the migrations must describe the same tables,
// columns, types, nullability, defaults, uniques, indexes and foreign keys.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { diffDatabaseToSchema, schemaPath } from '../src/schema-engine.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-database.js';

const schema = readFileSync(schemaPath, 'utf8');

describe('schema.prisma and the migrations', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await migrate(test.db.sql);
  });
  afterAll(async () => {
    await test.dispose();
  });

  it('agree: the migrated database needs no change to match schema.prisma', async () => {
    const drift = await diffDatabaseToSchema(test.db);
    expect(drift, `schema.prisma and the migrations disagree; run npm run db:migration:new -- <name>:\n${drift}`).toBe(
      '',
    );
  });

  it('catches a column added to schema.prisma without a migration', async () => {
    const edited = schema.replace(/(model Village \{\n)/, '$1  altitudeMetres Int? @map("altitude_metres")\n');
    expect(edited).not.toBe(schema);
    const drift = await diffDatabaseToSchema(test.db, edited);
    expect(drift).toMatch(/ALTER TABLE "village" ADD COLUMN\s+"altitude_metres" INTEGER/);
  });

  it('catches a changed nullability, a missing unique and a missing foreign key', async () => {
    const edited = schema
      .replace(
        '  description     String\n  /// @personal Name of the person who reported.',
        '  description     String?\n  /// @personal Name of the person who reported.',
      )
      .replace('  @@unique([submitter, source, clientReference])\n', '')
      .replace(
        '  regionalOfficeId Int?                @map("regional_office_id")\n  regionalOffice   RegionalOffice?     @relation(fields: [regionalOfficeId], references: [id])\n',
        '  regionalOfficeId Int?                @map("regional_office_id")\n',
      )
      .replace('  offices    ImmigrationOffice[]\n\n  @@map("regional_office")', '\n  @@map("regional_office")');
    const drift = await diffDatabaseToSchema(test.db, edited);
    expect(drift).toMatch(/ALTER COLUMN "description" DROP NOT NULL/);
    expect(drift).toMatch(/DROP INDEX "village_report_submitter_source_client_reference_key"/);
    expect(drift).toMatch(/DROP CONSTRAINT "immigration_office_regional_office_id_fkey"/);
  });

  it('catches a change made to the database outside the migrations', async () => {
    await test.db.sql.exec(
      'ALTER TABLE village ALTER COLUMN distance_to_office_km TYPE numeric; DROP INDEX activity_held_on_idx;',
    );
    const drift = await diffDatabaseToSchema(test.db);
    expect(drift).toMatch(/"distance_to_office_km" SET DATA TYPE DOUBLE PRECISION/);
    expect(drift).toMatch(/CREATE INDEX "activity_held_on_idx"/);
  });
});
