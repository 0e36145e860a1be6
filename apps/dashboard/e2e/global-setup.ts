// Once per test run, before the test files start side by side: the production bundle (built only when
// its sources changed) and the seeded database every browser test file copies.
import { createDatabaseTemplate, type DatabaseTemplate } from '@binaan/db/testing';
import type { TestProject } from 'vitest/node';
import { browserMissing, buildOnce } from './support';

declare module 'vitest' {
  export interface ProvidedContext {
    seededTemplate: DatabaseTemplate | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (browserMissing) {
    project.provide('seededTemplate', null);
    return;
  }
  await buildOnce();
  const seeded = await createDatabaseTemplate({});
  project.provide('seededTemplate', seeded.template);
  return () => seeded.dispose();
}
