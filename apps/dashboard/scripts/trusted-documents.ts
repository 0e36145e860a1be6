// Writes dist/trusted-documents.json after `vite build`: every GraphQL document the dashboard can send,
// keyed by the id the built dashboard sends instead of the text (see @binaan/client). The API loads this
// file and, in production, runs nothing else for the dashboard's client id.
//
// Documents are found by importing every .ts module under src/ and collecting exported DocumentNodes;
// a unit test keeps documents out of .tsx files, and the end-to-end tests run the built dashboard
// against an API that enforces this manifest, so a missed document fails them.
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDocumentNode, trustedDocumentManifest } from '@binaan/client';
import type { DocumentNode } from 'graphql';

const root = fileURLToPath(new URL('..', import.meta.url));

export function documentModules(dir = join(root, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return documentModules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

export async function collectDocuments(): Promise<Map<string, DocumentNode>> {
  const documents = new Map<string, DocumentNode>();
  for (const path of documentModules()) {
    const exports = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      // A fragment alone is never sent: it travels inside the operations that spread it.
      const isOperation =
        isDocumentNode(value) && value.definitions.some((definition) => definition.kind === 'OperationDefinition');
      if (isOperation) documents.set(`${relative(root, path)}#${name}`, value);
    }
  }
  return documents;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = process.argv[2] ?? join(root, 'dist');
  const documents = await collectDocuments();
  const manifest = trustedDocumentManifest(documents.values());
  writeFileSync(join(outDir, 'trusted-documents.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `trusted documents: ${Object.keys(manifest).length} written to ${relative(process.cwd(), join(outDir, 'trusted-documents.json'))}`,
  );
}
