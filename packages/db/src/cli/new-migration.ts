// npm run db:migration:new -- <name>
// Writes the next migration: the SQL that takes a scratch database with every existing migration to
// what schema.prisma now describes. Read it before committing; rename columns by hand where the engine
// would drop and re-add them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../client.js';
import { defaultMigrationsDir, migrate } from '../migrate.js';
import { diffDatabaseToSchema } from '../schema-engine.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration:new -- <snake_case_name>');
  process.exit(2);
}

const scratch = await openDatabase({ dataDir: 'memory://' });
try {
  await migrate(scratch.sql);
  const sql = await diffDatabaseToSchema(scratch);
  if (!sql) {
    console.log('schema.prisma and the migrations agree: no migration needed.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = join(defaultMigrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), `${sql}\n`);
    console.log(`Wrote ${join(dir, 'migration.sql')}`);
  }
} finally {
  await scratch.close();
}
