// Once per test run: the field app's production build and the seeded database each test file copies.
import { createDatabaseTemplate, type DatabaseTemplate } from '@binaan/db/testing';
import type { TestProject } from 'vitest/node';
import { browserMissing, buildFieldApp } from './support';

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
  await buildFieldApp();
  const seeded = await createDatabaseTemplate({});
  project.provide('seededTemplate', seeded.template);
  return () => seeded.dispose();
}
