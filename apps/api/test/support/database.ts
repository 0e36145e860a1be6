// A test file's own database, copied from the run's templates (global-setup.ts) when this runner made
// them; a runner without that setup (another package's tests) makes the template itself.
import {
  createDatabaseTemplate,
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
  // On PGlite the template is kept between runs (@binaan/db's template-cache.ts); on a server it is
  // dropped once copied.
  const made = await createDatabaseTemplate(seed ? SEED_OPTIONS : null);
  try {
    return await createTestDatabase({ ...databaseOptions, from: made.template });
  } finally {
    await made.dispose();
  }
}
