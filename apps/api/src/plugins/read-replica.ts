// Reads from a streaming replica (DATABASE_REPLICA_URL), writes and fresh reads from the primary.
//
// A GraphQL query is served from the replica only while the replica has replayed every write the API
// has acknowledged: after each mutation the API notes the primary's WAL position (in Redis, so every
// process knows it; in this process without Redis), and a poller reads the replica's replayed position
// every POLL_INTERVAL_MS. Until the replica has caught up, queries go to the primary: a caller sees its
// own write on its next request, whichever process serves it, and the response cache never keeps an
// answer older than an acknowledged write. A replica that does not answer, or is not a standby, gets no
// reads until it answers again. Mutations, sign-in and identifying the caller always use the primary.
import type { Database } from '@binaan/db';
import type { Plugin } from 'graphql-yoga';
import { getOperationAST } from 'graphql';
import type { Redis } from 'ioredis';
import type { Context } from '../context.js';

/** How often the replica's replayed position is read. A write is visible on the replica this much later at most, on loopback. */
export const POLL_INTERVAL_MS = 100;
/** A poll that takes longer than this counts as a replica that does not answer. */
const POLL_TIMEOUT_MS = 1_000;
const WRITE_POSITION_KEY = 'binaan:primary-write-lsn';

/** A WAL position ('16/B374D848') as a number of bytes, to compare. */
export function walPosition(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** The latest primary position any API process has acknowledged a write at. */
export interface WritePositions {
  /** null: not known now (Redis unreachable): read from the primary. */
  latest(): Promise<bigint | null>;
  raise(position: bigint): Promise<void>;
}

export function writePositionsInProcess(): WritePositions {
  let latest = 0n;
  return {
    latest: async () => latest,
    raise: async (position) => {
      if (position > latest) latest = position;
    },
  };
}

/** Raises the shared position atomically: a slower process never lowers it. Positions fit a Lua double. */
const RAISE_SCRIPT = `local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

export function writePositionsInRedis(redis: Redis): WritePositions {
  const local = writePositionsInProcess();
  return {
    async latest() {
      try {
        const shared = await redis.get(WRITE_POSITION_KEY);
        const mine = (await local.latest()) ?? 0n;
        const theirs = shared ? BigInt(shared) : 0n;
        return theirs > mine ? theirs : mine;
      } catch {
        return null;
      }
    },
    async raise(position) {
      await local.raise(position);
      // If Redis is away the write is still acknowledged; latest() then sends every read to the primary.
      await redis.eval(RAISE_SCRIPT, 1, WRITE_POSITION_KEY, position.toString()).catch(() => undefined);
    },
  };
}

export interface ReplicaState {
  /** Answering, and a standby. */
  healthy: boolean;
  /** The last WAL position the replica has replayed. */
  replayed: bigint;
  /** Seconds the replica's data is behind the primary's (0 when it has replayed all it received). */
  lagSeconds: number;
  /** Why it gets no reads, when it does not. */
  reason: string | null;
}

export interface ReadRouting {
  /** The database a query should read from now. */
  readerFor(): Promise<{ db: Database; server: 'primary' | 'replica' }>;
  /** After a mutation: its writes are on the primary up to here. */
  noteWrite(): Promise<void>;
  state(): ReplicaState;
  stop(): void;
}

export interface ReadRoutingOptions {
  primary: Database;
  replica: Database;
  writes: WritePositions;
  /** Told when the replica stops or starts getting reads (for the log). */
  onChange?: (state: ReplicaState) => void;
}

export function createReadRouting({ primary, replica, writes, onChange }: ReadRoutingOptions): ReadRouting {
  let state: ReplicaState = { healthy: false, replayed: 0n, lagSeconds: 0, reason: 'not polled yet' };
  const update = (next: ReplicaState) => {
    const changed = next.healthy !== state.healthy;
    state = next;
    if (changed) onChange?.(state);
  };
  const poll = async () => {
    try {
      const rows = await Promise.race([
        replica.sql.query<{ replayed: string | null; lag: number | null }>(
          `SELECT pg_last_wal_replay_lsn()::text AS replayed,
                  CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                       ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag`,
        ),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${POLL_TIMEOUT_MS} ms`)), POLL_TIMEOUT_MS).unref(),
        ),
      ]);
      const [row] = rows;
      if (!row?.replayed) {
        update({ healthy: false, replayed: 0n, lagSeconds: 0, reason: 'not a standby (no replayed position)' });
        return;
      }
      update({ healthy: true, replayed: walPosition(row.replayed), lagSeconds: row.lag ?? 0, reason: null });
    } catch (error) {
      update({ ...state, healthy: false, reason: (error as Error).message });
    }
  };
  // Only the first query waits for a poll; later ones use the last state, so a replica that hangs
  // delays no query (its poll times out and the state turns unhealthy meanwhile).
  const firstPoll = poll();
  let polling: Promise<void> | null = firstPoll;
  void firstPoll.finally(() => (polling = null));
  const timer = setInterval(() => {
    if (polling) return; // one poll at a time
    polling = poll().finally(() => (polling = null));
  }, POLL_INTERVAL_MS);
  timer.unref();

  return {
    async readerFor() {
      await firstPoll;
      if (!state.healthy) return { db: primary, server: 'primary' };
      const written = await writes.latest();
      if (written === null || written > state.replayed) return { db: primary, server: 'primary' };
      return { db: replica, server: 'replica' };
    },
    async noteWrite() {
      const [row] = await primary.sql.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      if (row) await writes.raise(walPosition(row.lsn));
    },
    state: () => state,
    stop: () => clearInterval(timer),
  };
}

/**
 * Sends each query's reads to the database `routing` picks, and notes each mutation's writes before its
 * answer leaves. `onRead` counts where reads went (metrics).
 */
export function useReadReplica(routing: ReadRouting, onRead?: (server: 'primary' | 'replica') => void): Plugin {
  return {
    onExecute({ args, setExecuteFn, executeFn }) {
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      const context = args.contextValue as unknown as Context;
      setExecuteFn(async (executeArgs) => {
        if (operation === 'query') {
          const { db, server } = await routing.readerFor();
          context.db = db;
          context.readFrom = server;
          if (server === 'replica')
            context.dataAsOf = new Date(context.requestedAt.getTime() - routing.state().lagSeconds * 1000);
          onRead?.(server);
          return executeFn(executeArgs);
        }
        try {
          return await executeFn(executeArgs);
        } finally {
          // Even a mutation that failed may have written part (an audit line); its position costs little.
          if (operation === 'mutation') await routing.noteWrite().catch(() => undefined);
        }
      });
    },
  };
}
