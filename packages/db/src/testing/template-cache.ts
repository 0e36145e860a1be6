// PGlite test templates kept from one test run to the next, and between the packages of one run: seeding
// the demo data took 10-12 s each time, and a run made the same template up to five times (the API's,
// the dashboard's and the field app's setups, and each of the examples' files). A new empty cluster
// (initdb, 4-5 s) is kept the same way.
//
// A template's file is named by a digest of everything its rows come from: the migrations, the rollups'
// SQL, the seed and the domain's vocabulary (their sources), every dependency's version (the lockfile),
// and the seed's options with the day it generates up to. A change to any of them makes a new file.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedOptions } from '../seed/seed.js';

const dbPackage = fileURLToPath(new URL('../../', import.meta.url));
const root = join(dbPackage, '..', '..');
const cacheDir = join(root, 'node_modules', '.cache', 'binaan', 'test-templates');
const sources = [
  join(dbPackage, 'src'),
  join(dbPackage, 'prisma'),
  join(dbPackage, 'rollups'),
  join(root, 'packages', 'domain', 'src'),
  join(root, 'package-lock.json'),
];
/** Templates kept: those of a run (empty, migrated, seeded for a fixed day and for today) and the last run's. */
const KEPT = 8;

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.name !== 'generated') // Prisma's client, made from prisma/schema.prisma
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/**
 * Where the template for these seed options is kept (null: migrated only; 'empty': a new cluster, which
 * depends on PGlite's version alone).
 */
export function templateCachePath(seed: (SeedOptions & { today: string }) | null | 'empty'): string {
  const kind = seed === 'empty' ? 'empty' : seed ? 'seeded' : 'migrated';
  const hash = createHash('sha256').update(JSON.stringify(seed));
  const files = kind === 'empty' ? [join(root, 'package-lock.json')] : sources.flatMap(filesUnder).sort();
  for (const file of files) hash.update(file.slice(root.length)).update(readFileSync(file));
  return join(cacheDir, `${kind}-${hash.digest('hex').slice(0, 24)}.tar`);
}

/** The kept archive at `path`, made by `make` first when there is none; keeps the folder's most recently used. */
export async function cachedTemplate(path: string, make: () => Promise<Uint8Array>): Promise<string> {
  try {
    const now = new Date();
    utimesSync(path, now, now); // used now: kept longest
    return path;
  } catch {
    // not made yet
  }
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  // Written beside, then renamed: a reader in another process sees the whole file or none.
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, await make());
  renameSync(partial, path);
  const byLastUse = readdirSync(dir)
    .filter((name) => name.endsWith('.tar'))
    .map((name) => ({ file: join(dir, name), used: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { file } of byLastUse.slice(KEPT)) rmSync(file, { force: true });
  return path;
}
