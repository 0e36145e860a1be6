// `npm run schema:check`: compares apps/api/schema.graphql with its version at a base commit (default
// HEAD~1, main's previous commit; BINAAN_SCHEMA_BASE or --base to change; --schema for another file) and fails on a breaking change
// that SCHEMA_CHANGES.md does not allow (gate.ts). CI runs it before the tests.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSchemaChange } from './gate.js';

const flag = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const schemaPath = resolve(flag('--schema') ?? fileURLToPath(new URL('../../schema.graphql', import.meta.url)));
const git = (args: string[], cwd: string) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const repoRoot = git(['rev-parse', '--show-toplevel'], dirname(schemaPath)).trim();
const base = flag('--base') ?? process.env.BINAAN_SCHEMA_BASE ?? 'HEAD~1';
const pathInRepo = relative(repoRoot, schemaPath);

let oldSdl: string;
try {
  oldSdl = git(['show', `${base}:${pathInRepo}`], repoRoot);
} catch {
  console.log(`schema gate: no ${pathInRepo} at ${base} (first version, or no history here): nothing to compare`);
  process.exit(0);
}
const changelogPath = join(repoRoot, 'SCHEMA_CHANGES.md');
const result = await checkSchemaChange({
  oldSdl,
  newSdl: readFileSync(schemaPath, 'utf8'),
  changelog: existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '',
  today: new Date().toISOString().slice(0, 10),
});

console.log(
  `schema gate: ${pathInRepo} against ${base}: ${result.breaking.length} breaking, ${result.other.length} other change(s)`,
);
for (const change of result.other) console.log(`  ${change.level.toLowerCase()}: ${change.message}`);
for (const finding of result.breaking) {
  console.log(`  breaking: ${finding.message}`);
  console.log(finding.problem ? `    REFUSED: ${finding.problem}` : '    allowed by SCHEMA_CHANGES.md');
}
if (!result.ok) {
  console.error(
    'schema gate: failed. Deprecate first (@deprecated), record the change in SCHEMA_CHANGES.md, and remove it after the period.',
  );
  process.exit(1);
}
