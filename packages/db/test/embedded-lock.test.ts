// PGlite has no locking of its own: two processes on one directory corrupt it (seen: a CLI run beside a
// running server left a database that aborted on the next start). One opener at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseInUseError, openDatabase } from '../src/client.js';

describe('the embedded database directory', () => {
  it('opens for one user at a time, says so clearly to the second, and opens again once closed', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'binaan-lock-')), 'pglite');
    try {
      const first = await openDatabase({ dataDir });
      await first.sql.query('SELECT 1');
      const second = openDatabase({ dataDir });
      await expect(second).rejects.toThrow(DatabaseInUseError);
      await expect(second).rejects.toThrow(/in use by another process/);
      await first.close();
      const again = await openDatabase({ dataDir });
      expect(await again.sql.query<{ answer: number }>('SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
      await again.close();
    } finally {
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
  });
});
