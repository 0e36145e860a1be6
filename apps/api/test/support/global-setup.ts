// Once per test run: the databases every test file copies (see database.ts): one migrated and empty,
// one also seeded with the demo data.
import { createDatabaseTemplate } from '@binaan/db/testing';
import type { TestProject } from 'vitest/node';
import { SEED_OPTIONS } from './seed-options.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const migrated = await createDatabaseTemplate(null);
  const seeded = await createDatabaseTemplate({ ...SEED_OPTIONS });
  project.provide('databaseTemplates', { migrated: migrated.template, seeded: seeded.template });
  console.log(`test templates (${seeded.template.kind}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return async () => {
    await migrated.dispose();
    await seeded.dispose();
  };
}
