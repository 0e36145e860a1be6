// When PostgreSQL breaks a deadlock, or a serializable transaction cannot be ordered, it fails one of the
// transactions involved and rolls it back entirely: nothing of it was written, and running it again
// usually succeeds once the other has committed. The rollups' triggers lock rows that many writes share
// (bench/README.md, "Deadlocks"), so a write that loses such a race is run again here instead of
// reaching the office as an unexpected error. Only a write that was rolled back whole is run again.

/** deadlock_detected and serialization_failure (PostgreSQL's error codes). */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
/** Prisma's code for the same: "Transaction failed due to a write conflict or a deadlock". */
const PRISMA_WRITE_CONFLICT = 'P2034';

interface MaybeConflict {
  code?: unknown;
  /** Prisma's raw queries (P2010) carry the database's own code here. */
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
}

/** Did PostgreSQL fail this write to break a deadlock or a serialization conflict? */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta } = error as MaybeConflict;
  if (code === PRISMA_WRITE_CONFLICT) return true;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode ?? code;
  return typeof sqlState === 'string' && RETRYABLE_SQLSTATES.has(sqlState);
}

/** How many times a write is tried in all: a conflict twice in a row is rare, three times a sign of a bug. */
export const CONFLICT_ATTEMPTS = 3;

/**
 * Runs `write` (a whole transaction, or one statement outside any) and, when PostgreSQL failed it to
 * break a conflict, again after a short random pause, so that the transactions that met do not meet
 * again in the same order. The last failure is thrown as it came.
 */
export async function retryOnConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= CONFLICT_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
