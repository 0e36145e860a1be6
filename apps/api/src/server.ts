// Serves the API: opens the database (embedded PGlite unless DATABASE_URL is set), migrates it, loads
// the demo data on first start of the embedded database, and listens.
import { createServer } from 'node:http';
import { openDatabase, prepareDatabase } from '@binaan/db';
import { readApiEnv } from './env.js';
import { createApp } from './yoga.js';

const env = readApiEnv();
const started = Date.now();
const db = await openDatabase();
console.log(`Database: ${db.description}`);
await prepareDatabase(db, { seedIfEmpty: db.kind === 'pglite', log: (line) => console.log(line) });

const app = createApp({ db, production: env.production });
const server = createServer(app);
server.listen(env.port, env.host, () => {
  console.log(`Binaan API ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${env.port}/graphql`);
});

async function shutdown(signal: string) {
  console.log(`${signal}: closing`);
  server.close();
  await db.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
