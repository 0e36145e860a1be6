// Password guessing is limited per account and per client address, counted per attempt (so aliases in one
// document and new headers per request gain nothing): after a few failures an account must wait between
// attempts (back-off), after more it is locked for a while (audited, logged and counted for operators);
// an address that fails too often is refused for an hour. Counted in Redis when the service has it, so
// every API process sees the same counts. rate-limiter-flexible's recipe for login protection.
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export const signInLimits = {
  /** Failures of one account before it waits between attempts, and before it is locked. */
  backOffAfter: 5,
  lockAfter: 10,
  /** How long a lock lasts, and how long failures are remembered. */
  lockSeconds: 15 * 60,
  failuresRememberedSeconds: 60 * 60,
  /** Failures from one address per hour before it is refused for an hour. */
  addressFailuresPerHour: 50,
};

/** Accounts whose last failure time this process remembers (for the back-off between attempts). */
const MAX_REMEMBERED_FAILURES = 10_000;

/** Refused before the password is checked: how long to wait, and whether the account is locked. */
export class SignInRefusal {
  constructor(
    readonly retryAfterSeconds: number,
    readonly reason: 'ACCOUNT_LOCKED' | 'BACK_OFF' | 'ADDRESS_BLOCKED',
  ) {}
}

export interface SignInGuard {
  /** Whether this account may try now from this address; a refusal says until when. */
  check(email: string, address: string): Promise<SignInRefusal | null>;
  /** Records a failed attempt; says whether it has just locked the account. */
  failed(email: string, address: string): Promise<{ locked: boolean }>;
  /** A successful sign-in forgets the account's failures. */
  succeeded(email: string): Promise<void>;
}

/** `clock` times the back-off between attempts (tests move it on instead of waiting). */
export function createSignInGuard(redis?: Redis | null, clock: () => number = Date.now): SignInGuard {
  const limiter = (keyPrefix: string, points: number, duration: number, blockDuration: number): RateLimiterAbstract => {
    const local = new RateLimiterMemory({ keyPrefix, points, duration, blockDuration });
    if (!redis) return local;
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration,
      blockDuration,
      insuranceLimiter: local,
    });
  };
  const limits = signInLimits;
  const accounts = limiter(
    'binaan:signin:account',
    limits.lockAfter,
    limits.failuresRememberedSeconds,
    limits.lockSeconds,
  );
  const addresses = limiter('binaan:signin:address', limits.addressFailuresPerHour, 3600, 3600);
  // When the next attempt of an account in back-off may come: 2, 4, 8 … seconds after its last failure.
  const lastFailure = new Map<string, number>();
  const accountKey = (email: string) => email.trim().toLowerCase();

  return {
    async check(email, address) {
      const [account, from] = await Promise.all([accounts.get(accountKey(email)), addresses.get(address)]);
      if (from && from.remainingPoints <= 0)
        return new SignInRefusal(Math.ceil(from.msBeforeNext / 1000), 'ADDRESS_BLOCKED');
      if (!account) return null;
      const failures = account.consumedPoints;
      if (failures >= limits.lockAfter)
        return new SignInRefusal(Math.ceil(account.msBeforeNext / 1000), 'ACCOUNT_LOCKED');
      if (failures >= limits.backOffAfter) {
        const wait = 2 ** (failures - limits.backOffAfter + 1) * 1000;
        const since = clock() - (lastFailure.get(accountKey(email)) ?? 0);
        if (since < wait) return new SignInRefusal(Math.ceil((wait - since) / 1000), 'BACK_OFF');
      }
      return null;
    },
    async failed(email, address) {
      // Made-up emails must not grow this without end: keep the most recent, oldest out first (Map
      // order is insertion order). A forgotten entry only skips one back-off wait; locks are counted above.
      lastFailure.delete(accountKey(email));
      lastFailure.set(accountKey(email), clock());
      if (lastFailure.size > MAX_REMEMBERED_FAILURES) lastFailure.delete(lastFailure.keys().next().value!);
      await addresses.consume(address).catch(ignoreRefusal);
      const result = await accounts.consume(accountKey(email)).catch((refusal: unknown) => {
        if (refusal instanceof RateLimiterRes) return refusal;
        throw refusal;
      });
      return { locked: result.consumedPoints === limits.lockAfter };
    },
    async succeeded(email) {
      lastFailure.delete(accountKey(email));
      await accounts.delete(accountKey(email));
    },
  };
}

function ignoreRefusal(refusal: unknown) {
  if (!(refusal instanceof RateLimiterRes)) throw refusal;
}
