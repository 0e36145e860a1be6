// The built dashboard sends only document ids; the manifest (scripts/trusted-documents.ts) must hold
// every document it can send. The script finds documents by importing .ts modules, so documents must
// not hide in .tsx files, and every graphql(`…`) call must be found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectDocuments } from '../scripts/trusted-documents';

const src = fileURLToPath(new URL('../src', import.meta.url));

describe('trusted documents', () => {
  it('finds every graphql(`…`) document the dashboard defines, and none live in .tsx files', async () => {
    const { readdirSync } = await import('node:fs');
    const all = (readdirSync(src, { recursive: true }) as string[]).filter(
      (path) => /\.tsx?$/.test(path) && !path.endsWith('.d.ts'),
    );
    // Operations only: a fragment is sent inside the operations that use it, never alone.
    const calls = (path: string) =>
      readFileSync(join(src, path), 'utf8').match(/\bgraphql\(\s*`\s*(query|mutation|subscription)\b/g)?.length ?? 0;
    expect(all.filter((path) => path.endsWith('.tsx') && calls(path) > 0)).toEqual([]);
    const defined = all.filter((path) => path.endsWith('.ts')).reduce((sum, path) => sum + calls(path), 0);
    const documents = await collectDocuments();
    expect(documents.size).toBe(defined);
    expect([...documents.keys()]).toEqual(
      expect.arrayContaining(['src/lib/session.ts#ShellQuery', 'src/lib/session.ts#SignInMutation']),
    );
  });
});
