// A test file's own database, copied from the run's templates (global-setup.ts) when this runner made
// them; a runner without that setup (another package's tests) migrates and seeds its own.
import { migrate, seedDatabase } from '@binaan/db';
import {
  createTestDatabase,
  type CreateTestDatabaseOptions,
  type DatabaseTemplate,
  type TestDatabase,
} from '@binaan/db/testing';
import { inject } from 'vitest';
import { SEED_OPTIONS } from './seed-options.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: { migrated: DatabaseTemplate; seeded: DatabaseTemplate } | undefined;
  }
}

export async function createApiTestDatabase(
  options: Omit<CreateTestDatabaseOptions, 'from'> & { seed?: boolean } = {},
): Promise<TestDatabase> {
  const { seed = true, ...databaseOptions } = options;
  const templates = inject('databaseTemplates');
  if (templates) return createTestDatabase({ ...databaseOptions, from: seed ? templates.seeded : templates.migrated });
  const test = await createTestDatabase(databaseOptions);
  await migrate(test.db.sql);
  if (seed) await seedDatabase(test.db.sql, SEED_OPTIONS);
  return test;
}
