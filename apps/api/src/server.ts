// Serves the API: opens the database (embedded PGlite unless DATABASE_URL is set), migrates it, loads
// the demo data on first start of the embedded database, and listens.
import { createServer } from 'node:http';
import { openDatabase, prepareDatabase } from '@binaan/db';
import { readApiEnv } from './env.js';
import { createHttpHandler, hasDashboard } from './http.js';
import { createApp } from './yoga.js';

const env = readApiEnv();
const started = Date.now();
const db = await openDatabase();
console.log(`Database: ${db.description}`);
await prepareDatabase(db, { seedIfEmpty: db.kind === 'pglite', log: (line) => console.log(line) });

const app = createApp({ db, production: env.production });
const server = createServer(createHttpHandler(app, env.dashboardDir));
server.listen(env.port, env.host, () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const base = `http://localhost:${env.port}`;
  if (hasDashboard(env.dashboardDir)) console.log(`Binaan ready in ${seconds} s: ${base}/  (GraphQL: ${base}/graphql)`);
  else console.log(`Binaan API ready in ${seconds} s: ${base}/graphql  (dashboard not built: npm run build -w @binaan/dashboard)`);
});

async function shutdown(signal: string) {
  console.log(`${signal}: closing`);
  server.close();
  await db.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
