// npm run bench:refusal -w @binaan/bench
// How fast the API refuses the queries that once stalled it (issue 13, item 1): a 171-byte query nesting
// `province { regencies { province … } }` to depth 12, the same through fragments (graphql-armor's depth
// bypass), a fragment named `__schema` (its cost bypass), and the smaller form an aggregates-only token
// limited to one office could send. Each is sent over HTTP to the API in production mode on the embedded
// database with the demo data; the benchmark prints the latency per attack, the status and error code it
// got, and how many SQL statements ran while it was refused (must be 0), then how a health check fares
// while eight attackers send it at once. Target: refused in under 50 ms (p95).
// Refusal happens before any SQL, so the dataset's size does not change these figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '@binaan/api/service';
import { createLogger } from '@binaan/api/logger';
import { DEFAULT_DEMO_PASSWORD, openDatabase, prepareDatabase } from '@binaan/db';

const WARM_UP = 20;
const SAMPLES = 200;
const TARGET_P95_MS = 50;

/** `province { regencies { province { regencies … } } }`, `levels` regencies deep (depth 2 × levels + 2). */
function nestedRegencies(levels: number): string {
  let selection = 'code';
  for (let level = 0; level < levels; level += 1) selection = `regencies { province { ${selection} } }`;
  return `{ province(code: "53") { ${selection} } }`;
}

const viaFragments = `{ province(code: "53") { ...a } }
fragment a on Province { regencies { province { ...b } } }
fragment b on Province { regencies { province { ...c } } }
fragment c on Province { regencies { province { ...d } } }
fragment d on Province { regencies { province { ...e } } }
fragment e on Province { regencies { province { code } } }`;

const schemaNamedFragment = `{ province(code: "53") { ...__schema } }
fragment __schema on Province { regencies { province { regencies { province { regencies { districts { code } } } } } } }`;

interface Attack {
  name: string;
  query: string;
  as: 'signed-in' | 'aggregates-token';
}

const attacks: Attack[] = [
  { name: 'item 1: nested lists, depth 12', query: nestedRegencies(5), as: 'signed-in' },
  { name: 'the same through fragments', query: viaFragments, as: 'signed-in' },
  { name: 'cost hidden in a fragment named __schema', query: schemaNamedFragment, as: 'signed-in' },
  { name: 'smaller form, aggregates-only office token', query: nestedRegencies(3), as: 'aggregates-token' },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'binaan-refusal-'));
  let statements = 0;
  const db = await openDatabase({ dataDir, onPrismaQuery: () => (statements += 1) });
  const sendQuery = db.sql.query.bind(db.sql);
  db.sql.query = ((text: string, params?: unknown[]) => {
    statements += 1;
    return sendQuery(text, params);
  }) as typeof db.sql.query;
  console.log('preparing the embedded database with the demo data…');
  await prepareDatabase(db, { seedIfEmpty: true });
  const service = await startService({
    db,
    port: 0,
    host: '127.0.0.1',
    production: true,
    dashboardDir: null,
    trustedDocuments: null,
    responseCacheTtlMs: 0,
    rateLimit: 1_000_000,
    logger: createLogger({ level: 'silent' }),
  });
  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { response, body: (await response.json()) as Record<string, any> };
  };

  try {
    const signIn = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: SignInInput!) { signIn(input: $i) { __typename } }',
        variables: { i: { email: 'kanim.batulicin@binaan.test', password: DEFAULT_DEMO_PASSWORD } },
      }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const issued = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-binaan-client': 'bench' },
      body: JSON.stringify({
        query: `mutation($i: IssueApiTokenInput!) { issueApiToken(input: $i) {
          ... on MutationIssueApiTokenSuccess { data { secret } } ... on Error { message } } }`,
        variables: { i: { name: 'bench refusal', scopes: ['AGGREGATES_READ'], officeCode: 'KANIM-BATULICIN' } },
      }),
    });
    const token = ((await issued.json()) as any).data.issueApiToken.data.secret as string;
    const headersFor = (attack: Attack): Record<string, string> =>
      attack.as === 'aggregates-token' ? { authorization: `Bearer ${token}` } : { cookie, 'x-binaan-client': 'bench' };

    console.log(
      `\nrefusing the attack queries: ${SAMPLES} requests each after ${WARM_UP} to warm up, one at a time, over HTTP`,
    );
    console.log(
      '| attack | bytes | status | code | p50 ms | p95 ms | max ms | SQL statements beyond identifying the caller |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    let worstP95 = 0;
    let anyStatements = false;
    for (const attack of attacks) {
      for (let i = 0; i < WARM_UP; i += 1) await post(attack.query, headersFor(attack));
      const times: number[] = [];
      // What identifying the caller costs (a token is looked up), measured with a query that needs no SQL.
      const baseline = statements;
      for (let i = 0; i < SAMPLES; i += 1) await post('{ __typename }', headersFor(attack));
      const identifying = statements - baseline;
      const before = statements;
      let last: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < SAMPLES; i += 1) {
        const started = performance.now();
        last = await post(attack.query, headersFor(attack));
        times.push(performance.now() - started);
      }
      const ran = statements - before - identifying;
      const sorted = times.sort((a, b) => a - b);
      const p95 = percentile(sorted, 0.95);
      worstP95 = Math.max(worstP95, p95);
      anyStatements ||= ran > 0;
      const code =
        last?.body.errors?.[0]?.extensions?.code ?? (last?.body.data ? 'ANSWERED' : JSON.stringify(last?.body));
      console.log(
        `| ${attack.name} | ${Buffer.byteLength(attack.query)} | ${last?.response.status} | ${code} | ${percentile(sorted, 0.5).toFixed(1)} | ${p95.toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} | ${ran} |`,
      );
      if (code !== 'QUERY_TOO_COMPLEX') process.exitCode = 1;
    }
    // The stall itself: 8 attackers at once for 5 s while an operator's health check polls every 50 ms.
    const attack = attacks[0]!;
    let refused = 0;
    let running = true;
    const attacker = async () => {
      while (running) {
        await post(attack.query, headersFor(attack));
        refused += 1;
      }
    };
    const attackers = Array.from({ length: 8 }, attacker);
    const health: number[] = [];
    const until = Date.now() + 5_000;
    while (Date.now() < until) {
      const started = performance.now();
      await fetch(`${service.url}/healthz`);
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    running = false;
    await Promise.all(attackers);
    const sortedHealth = health.sort((a, b) => a - b);
    console.log(
      `\nunder 8 concurrent attackers for 5 s: ${refused} attacks refused (${Math.round(refused / 5)}/s); ` +
        `/healthz p50 ${percentile(sortedHealth, 0.5).toFixed(1)} ms, p95 ${percentile(sortedHealth, 0.95).toFixed(1)} ms, ` +
        `max ${sortedHealth.at(-1)!.toFixed(1)} ms over ${health.length} checks`,
    );
    console.log(
      `worst p95: ${worstP95.toFixed(1)} ms (target ${TARGET_P95_MS} ms: ${worstP95 < TARGET_P95_MS ? 'met' : 'NOT met'}); ` +
        `SQL beyond identifying the caller: ${anyStatements ? 'some (see the table)' : 'none'}`,
    );
    if (worstP95 >= TARGET_P95_MS || anyStatements) process.exitCode = 1;
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
