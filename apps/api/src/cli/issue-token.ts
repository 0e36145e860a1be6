// npm run token:issue -w @binaan/api -- --email pimpinan@… --name "BPS analysis" --scopes aggregates:read,records:read [--office KANIM-BATULICIN] [--days 90]
// Issues an API token as a person, with the same checks and audit-log entry as the issueApiToken
// mutation (it runs that mutation in-process against DATABASE_URL or the embedded database). For
// production, where browser sessions may only run the dashboard's own documents. The password comes
// from BINAAN_PASSWORD or is asked for; the secret is printed once.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '@binaan/db';
import { createApp } from '../yoga.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'string' },
    office: { type: 'string' },
    days: { type: 'string', default: '365' },
  },
});
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const email = values.email ?? fail('--email is required (a user allowed to issue tokens)');
const name = values.name ?? fail('--name is required (what the token is for)');
const scopes = (values.scopes ?? fail('--scopes is required, e.g. aggregates:read,records:read'))
  .split(',')
  .map((scope) => scope.trim().replace(':', '_').toUpperCase());

async function password(): Promise<string> {
  if (process.env.BINAAN_PASSWORD) return process.env.BINAAN_PASSWORD;
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await prompt.question(`Password for ${email}: `);
  } finally {
    prompt.close();
  }
}

// The embedded database refuses a second process (DatabaseInUseError): say so without a stack trace.
const db = await openDatabase().catch((error: Error) => fail(error.message));
try {
  const app = createApp({ db, rateLimit: 1_000 });
  const call = async (query: string, variables: Record<string, unknown>, cookie?: string) => {
    const response = await app.fetch('http://cli/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-binaan-client': 'token-cli',
        'accept-language': 'en',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      cookie: response.headers.get('set-cookie')?.split(';')[0],
      body: (await response.json()) as { data?: any; errors?: { message: string }[] },
    };
  };
  const signIn = await call(
    'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on Error { message } } }',
    { input: { email, password: await password() } },
  );
  if (!signIn.cookie)
    fail(`Could not sign in: ${signIn.body.data?.signIn?.message ?? JSON.stringify(signIn.body.errors)}`);
  const issued = await call(
    `mutation($input: IssueApiTokenInput!) {
      issueApiToken(input: $input) { __typename ... on MutationIssueApiTokenSuccess { data { secret } } ... on Error { message } }
    }`,
    {
      input: {
        name,
        scopes,
        expiresInDays: Number(values.days),
        ...(values.office ? { officeCode: values.office } : {}),
      },
    },
    signIn.cookie,
  );
  const secret = issued.body.data?.issueApiToken?.data?.secret as string | undefined;
  if (!secret) fail(`Not issued: ${issued.body.data?.issueApiToken?.message ?? JSON.stringify(issued.body.errors)}`);
  await call('mutation { signOut }', {}, signIn.cookie);
  console.error(`Token "${name}" issued (${scopes.join(', ')}), valid ${values.days} days. The secret is shown once:`);
  console.log(secret);
} finally {
  await db.close();
}
