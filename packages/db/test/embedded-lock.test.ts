// PGlite has no locking of its own: two processes on one directory corrupt it (seen: a CLI run beside a
// running server left a database that aborted on the next start). One opener at a time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('clears a lock whose owner has stopped, and keeps one whose owner still runs, however long it is busy', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'binaan-lock-')), 'pglite');
    const lockDir = `${dataDir}.lock`;
    const ownedBy = (pid: number) => {
      mkdirSync(lockDir, { recursive: true });
      writeFileSync(join(lockDir, 'pid'), String(pid));
    };
    try {
      // A process that has exited (a crashed server): its lock is stale.
      ownedBy(spawnSync(process.execPath, ['-e', '0']).pid!);
      const opened = await openDatabase({ dataDir });
      await opened.close();
      // A running process (here, the one that started this test) holds it, even if it has not touched
      // the lock for a long time: a PGlite statement can hold its event loop for minutes.
      ownedBy(process.ppid);
      await expect(openDatabase({ dataDir })).rejects.toThrow(DatabaseInUseError);
    } finally {
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
  });
});
