// Lookups a request needs more than once (a count and a page, several aggregates), made once per request.
import type { Context } from './context.js';

const caches = new WeakMap<Context, Map<string, Promise<unknown>>>();

export function oncePerRequest<T>(ctx: Context, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new Map();
    caches.set(ctx, cache);
  }
  let value = cache.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}
