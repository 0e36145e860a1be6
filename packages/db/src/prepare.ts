// What a server does on start with the embedded database: migrate, and seed the demo data the first time.
import type { Database } from './client.js';
import { migrate } from './migrate.js';
import { hasAreas, seedDatabase, type SeedResult } from './seed/seed.js';

export interface PrepareResult {
  appliedMigrations: string[];
  seeded: SeedResult | null;
}

export async function prepareDatabase(
  db: Database,
  options: { seedIfEmpty: boolean; log?: (line: string) => void },
): Promise<PrepareResult> {
  const log = options.log ?? (() => undefined);
  const { applied, rollupsApplied } = await migrate(db.sql);
  if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  if (rollupsApplied.length > 0) log(`Applied the rollups of ${rollupsApplied.join(', ')} (packages/db/rollups/)`);
  let seeded: SeedResult | null = null;
  if (options.seedIfEmpty && !(await hasAreas(db.sql))) {
    log('Empty database: loading the demo data (areas of NTT, Kalimantan Selatan, Bangka Belitung, DKI Jakarta)…');
    seeded = await seedDatabase(db.sql, { scale: 'demo' });
    log(`Demo data loaded in ${(seeded.durationMs / 1000).toFixed(1)} s.`);
  }
  // PGlite has no autovacuum daemon to keep planner statistics current; refresh them on each start.
  if (db.kind === 'pglite' && !seeded) await db.sql.exec('ANALYZE');
  return { appliedMigrations: applied, seeded };
}
