// Runs `prisma generate` offline. Every Prisma CLI command first looks for the schema-engine binary,
// which cannot be downloaded on our machines; generate never runs it, so any existing file will do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
// The pothos generator is found on PATH, as npm scripts would set it; also when run by hand.
const bins = [new URL('../node_modules/.bin', import.meta.url), new URL('../../../node_modules/.bin', import.meta.url)];
env.PATH = [...bins.map((url) => url.pathname), env.PATH].join(':');

const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
