// Who holds a secret, remembered for a moment. Every request of a signed-in person, an application or a
// field phone starts by looking its secret up; under load that one statement (a round trip, a socket
// write, a row to parse) cost as much of an analytics request as the figures' own statement did
// (bench/README.md, 6 December, evening). So a looked-up row is kept for `ttlMs` (1 s by default,
// BINAAN_IDENTITY_CACHE_MS; 0 turns it off), and:
// - every mutation this process answers forgets every row (a revocation, a sign-out, a new role or
//   office takes effect on this process's very next request);
// - a change made elsewhere (another API process, the CLI, SQL) takes effect within ttlMs;
// - expiry is still checked per request against the kept row, and unknown secrets are never kept, so a
//   flood of made-up bearers cannot fill memory (nor can more than MAX_ENTRIES real ones).
import type { Database } from '@binaan/db';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const MAX_ENTRIES = 10_000;
export const DEFAULT_IDENTITY_CACHE_MS = 1_000;

interface Entry {
  /** Shared by concurrent requests with the same secret: one lookup, not one each. */
  row: Promise<unknown>;
  loadedAt: number;
}

export class IdentityCache {
  private readonly entries = new Map<string, Entry>();

  constructor(public ttlMs: number = DEFAULT_IDENTITY_CACHE_MS) {}

  /** The row for this secret's hash: kept if fresh, else `load`ed (and kept only if there is one). */
  lookUp<Row>(hash: string, load: () => Promise<Row | undefined>): Promise<Row | undefined> {
    if (this.ttlMs <= 0) return load();
    const now = performance.now();
    const kept = this.entries.get(hash);
    if (kept && now - kept.loadedAt < this.ttlMs) return kept.row as Promise<Row | undefined>;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const row = load();
    const entry: Entry = { row, loadedAt: now };
    this.entries.set(hash, entry);
    // Forget a secret that matched nothing or a lookup that failed (the request reports that itself).
    const drop = () => {
      if (this.entries.get(hash) === entry) this.entries.delete(hash);
    };
    row.then((found) => found ?? drop(), drop);
    return row;
  }

  /** After a write: the next request of every caller looks its secret up again. */
  forgetAll(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<Database, IdentityCache>();

/**
 * The one cache of this database's identities: the lookups (caller.ts) and the reset after mutations
 * (below) must share it. `ttlMs`, when given, sets how long rows are kept from now on.
 */
export function identityCacheOf(db: Database, ttlMs?: number): IdentityCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new IdentityCache()));
  if (ttlMs !== undefined && ttlMs !== cache.ttlMs) {
    cache.ttlMs = ttlMs;
    cache.forgetAll();
  }
  return cache;
}

/** Every mutation, whatever it changed, empties the cache once it is answered: no list to forget one from. */
export function useIdentityCacheReset(cache: IdentityCache): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => cache.forgetAll() };
    },
  };
}
