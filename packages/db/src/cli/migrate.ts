// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import { openDatabase } from '../client.js';
import { migrate } from '../migrate.js';

const db = await openDatabase();
try {
  const { applied, alreadyApplied, rollupsApplied } = await migrate(db.sql);
  console.log(
    `${db.description}: ${alreadyApplied.length} migration(s) already applied, ${applied.length} applied now.`,
  );
  for (const name of applied) console.log(`  applied ${name}`);
  for (const name of rollupsApplied) console.log(`  applied rollups/${name}.sql (new or changed)`);
} catch (error) {
  console.error(`Migration failed on ${db.description}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
