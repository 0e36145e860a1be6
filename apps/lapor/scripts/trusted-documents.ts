// Writes dist/trusted-documents.json after `vite build`: every GraphQL document the field app sends
// (src/api/documents.ts), keyed by the id the built app sends instead of the text. The API loads it
// beside the dashboard's and, in production, runs nothing else for a device credential.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDocumentNode, trustedDocumentManifest, type TrustedDocumentManifest } from '@binaan/client';
import * as documents from '../src/api/documents';

const root = fileURLToPath(new URL('..', import.meta.url));

export function fieldAppManifest(): TrustedDocumentManifest {
  return trustedDocumentManifest(Object.values(documents).filter(isDocumentNode));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const outDir = process.argv[2] ?? join(root, 'dist');
  const manifest = fieldAppManifest();
  writeFileSync(join(outDir, 'trusted-documents.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `trusted documents: ${Object.keys(manifest).length} written to ${relative(process.cwd(), join(outDir, 'trusted-documents.json'))}`,
  );
}
