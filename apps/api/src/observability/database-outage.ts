// When the database cannot be reached, callers get 503 with Retry-After (a load balancer or client retries
// later; nothing was written), never a 500 "Unexpected error". Details stay in the logs and metrics.
import { GraphQLError } from 'graphql';
import type { Logger } from './logger.js';

/** Retry-After for a database outage, in seconds. */
export const OUTAGE_RETRY_AFTER_SECONDS = 1;

/** SQLSTATE classes and codes that mean the server is gone or not accepting work. */
const UNAVAILABLE_SQLSTATES = /^(08|57P0[1-3]|53300|53400)/;
/** Node's socket errors, and Prisma's "cannot reach / closed / pool timeout" codes. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|PGlite is closed|Cannot use a pool after calling end|terminating connection due to administrator command|the database system is (starting up|shutting down)|Can't reach database server|timeout exceeded when trying to connect/i;

/** Whether an error (or any error it wraps) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, cause, originalError } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    originalError?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(originalError, depth + 1);
}

export function databaseUnavailableError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'DATABASE_UNAVAILABLE',
      http: { status: 503, headers: { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) } },
    },
  });
}

/**
 * One error line (with the cause) when the database first fails, and one info line when an operation next
 * runs without error: an outage under load would otherwise write the same stack once per request. Every
 * refused request still has its own request line (status 503).
 */
export function createOutageLog(logger: Pick<Logger, 'error' | 'info'>) {
  let down = false;
  return {
    failed(error: unknown) {
      if (down) return;
      down = true;
      logger.error({ err: error }, 'database unavailable: requests get 503 until it is back');
    },
    served() {
      if (!down) return;
      down = false;
      logger.info('database reachable again');
    },
  };
}
