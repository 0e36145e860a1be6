// The dashboard is the schema's first consumer: its documents are checked against schema.graphql
// (gql-tada check, part of its typecheck, which fails on any problem). Here the check runs against a
// copy of the schema without a field the overview uses, and must name the document and the field.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse, print, visit } from 'graphql';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dashboard = fileURLToPath(new URL('..', import.meta.url));
const gqlTada = fileURLToPath(new URL('../../../node_modules/.bin/gql-tada', import.meta.url));

async function checkAgainst(schema: string) {
  // gql-tada check only looks at files under its tsconfig's folder, so the probe's tsconfig sits in the
  // dashboard (git-ignored name) and points at a scratch copy of the schema.
  const dir = mkdtempSync(join(tmpdir(), 'binaan-schema-probe-'));
  const tsconfig = join(dashboard, `tsconfig.schema-probe-${process.pid}.json`);
  try {
    writeFileSync(join(dir, 'schema.graphql'), schema);
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: {
          plugins: [
            {
              name: 'gql.tada/ts-plugin',
              schema: join(dir, 'schema.graphql'),
              tadaOutputLocation: '../../packages/client/src/graphql-env.d.ts',
            },
          ],
        },
        include: ['src'],
      }),
    );
    return await run(gqlTada, ['check', '--tsconfig', tsconfig], { cwd: dashboard }).then(
      ({ stdout, stderr }) => ({ status: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        status: error.code,
        output: error.stdout + error.stderr,
      }),
    );
  } finally {
    rmSync(tsconfig, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the schema contract', () => {
  const schema = readFileSync(fileURLToPath(new URL('../../api/schema.graphql', import.meta.url)), 'utf8');

  it('breaks, naming the document and field, when the schema drops a field the dashboard uses', async () => {
    let removed = 0;
    const broken = visit(parse(schema), {
      FieldDefinition(node, _key, _parent, _path, ancestors) {
        const type = ancestors.at(-1) as { kind?: string; name?: { value: string } };
        if (
          type.kind === 'ObjectTypeDefinition' &&
          type.name?.value === 'Overview' &&
          node.name.value === 'computedAt'
        ) {
          removed += 1;
          return null;
        }
        return undefined;
      },
    });
    expect(removed).toBe(1);
    const result = await checkAgainst(print(broken));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('src/features/overview/overview-query.ts');
    expect(result.output).toContain('Cannot query field "computedAt" on type "Overview".');
    // The only problem: every other document still checks against the copy, so the probe reads the
    // schema it is given (the current schema itself is checked by the package's typecheck).
    expect(result.output).toContain('1 problems (1 errors, 0 warnings)');
  });
});
