// PostGraphile 5 over the same database, for the benchmark: the amber preset exposing the public tables
// (relations become nested fields) and the bench schema, where src/dataset.ts defines one STABLE
// function per analytics workload holding the very SQL the Binaan API runs. Plain JavaScript because it
// runs on Node 24 (PostGraphile 5 needs Node >= 22), outside tsx.
// Usage: node postgraphile-server.mjs <databaseUrl> <port>
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const [connectionString, port] = process.argv.slice(2);
const preset = {
  extends: [PostGraphileAmberPreset],
  // The same pool size as the Binaan API's (packages/db: max 10).
  pgServices: [makePgService({ connectionString, schemas: ['public', 'bench'], poolConfig: { max: 10 } })],
  grafserv: { port: Number(port), graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((error) => {
  console.error(error);
  process.exit(1);
});
server.listen(Number(port), '127.0.0.1', () => console.log(`postgraphile ready on ${port}`));
process.on('SIGTERM', () => server.close(() => pgl.release().then(() => process.exit(0))));
