// The Redis of this machine and CI (127.0.0.1:6379, or REDIS_URL), for tests of what several API
// processes share; tests that need it skip, saying so, where none answers.
import { Redis } from 'ioredis';

export async function reachableRedis(): Promise<Redis | null> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return null;
  }
}
