// Prisma's schema engine compiled to WebAssembly: the only part of Prisma Migrate that runs offline.
// We use it for one thing: the SQL that would turn a live database into what schema.prisma describes.
// Empty means no drift; otherwise it is the body of the next migration. This is an internal Prisma API,
// so it stays behind this module and @prisma/schema-engine-wasm is pinned to prisma's engine version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { Database } from './client.js';
import { MIGRATIONS_TABLE } from './migrate.js';
import { ROLLUPS_TABLE } from './rollups.js';

export const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

let wasmReady: Promise<void> | undefined;

// @types/node 20 has no WebAssembly typings; this is the slice we use.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

// The package's own entry imports the .wasm as an ES module, which Node cannot do without a flag, so
// we instantiate it by hand with the JS glue it expects.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(gluePath.replace(/\.js$/, '.wasm'));
    const glue = engineBindings as unknown as { __wbg_set_wasm(exports: Record<string, unknown>): void };
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * The SQL needed to bring `db` to the state `schema.prisma` describes.
 * Returns '' when they agree on tables, columns, types, nullability, defaults, uniques, indexes and
 * foreign keys.
 */
export async function diffDatabaseToSchema(db: Database, schema = readFileSync(schemaPath, 'utf8')): Promise<string> {
  await loadWasm();
  const files = [{ path: 'schema.prisma', content: schema }];
  const adapter = db.schemaEngineAdapter();
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapter.factory),
  );
  try {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: { externalTables: [`public.${MIGRATIONS_TABLE}`, `public.${ROLLUPS_TABLE}`], externalEnums: [] },
    });
    return stripEmptyScript(result.stdout ?? '');
  } finally {
    engine.free();
    await adapter.dispose();
  }
}

function stripEmptyScript(script: string): string {
  const trimmed = script.trim();
  return trimmed === '-- This is an empty migration.' ? '' : trimmed;
}
