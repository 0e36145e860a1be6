import type { Database } from '@binaan/db';
import { type Caller, credentialOf, identify, type Identity } from './auth/caller.js';
import type { Permissions } from './auth/permissions.js';
import type { ResultBudget } from './plugins/result-limits.js';
import type { SignInGuard } from './auth/sign-in-guard.js';

export type Locale = 'id' | 'en';

export interface Context {
  db: Database;
  caller: Caller;
  permissions: Permissions;
  /** Who is acting, recorded on every write: `user:<id>`, `token:<id>` or `anonymous`. */
  actor: string;
  /** When this request started. */
  requestedAt: Date;
  /**
   * The "data per" time of every aggregate it returns: when the request started, less the replica's
   * delay when its reads are served by a replica (plugins/read-replica.ts).
   */
  dataAsOf: Date;
  /** Which database this request's reads go to. */
  readFrom: 'primary' | 'replica';
  /** The language of messages for people: Bahasa Indonesia unless the request prefers English. */
  locale: Locale;
  /** Adds a Set-Cookie header to the response (sign-in and sign-out). */
  setCookie(header: string): void;
  /** The objects and time this request may still use (plugins/result-limits.ts); none: unlimited. */
  resultBudget?: ResultBudget;
  /** The client's address (plugins/rate-limit.ts clientAddress), for limits on sign-in attempts. */
  clientAddress: string;
  /** Limits password guessing per account and per address (auth/sign-in-guard.ts). */
  signInGuard: SignInGuard;
  /**
   * The typed errors this request's payloads carried (e.g. InputValidationError): the caller's mistakes,
   * which the request log records as refusals (observability/logger.ts).
   */
  refusals: Set<string>;
}

/** The language of an Accept-Language header: English if it comes first, else Bahasa Indonesia. */
export function localeOfHeader(acceptLanguage: string | null | undefined): Locale {
  const preferred = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return preferred.startsWith('en') ? 'en' : 'id';
}

export const localeOf = (request: Request): Locale => localeOfHeader(request.headers.get('accept-language'));

const identities = new WeakMap<Request, Promise<Identity>>();

/** Who sent the request, looked up once per request (the response cache asks before the context exists). */
export function identifyRequest(db: Database, request: Request, now = new Date()): Promise<Identity> {
  let identity = identities.get(request);
  if (!identity) {
    identity = identify(db, credentialOf(request), now);
    identities.set(request, identity);
  }
  return identity;
}

export async function createContext(
  db: Database,
  request: Request,
  extra: Pick<Context, 'setCookie' | 'clientAddress' | 'signInGuard' | 'resultBudget'>,
): Promise<Context> {
  const requestedAt = new Date();
  const { caller, permissions, actor } = await identifyRequest(db, request, requestedAt);
  return {
    db,
    caller,
    permissions,
    actor,
    requestedAt,
    dataAsOf: requestedAt,
    readFrom: 'primary',
    locale: localeOf(request),
    refusals: new Set(),
    ...extra,
  };
}
