import type { RateCounter } from './rate-counter';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for `@fastify/rate-limit` over a `RateCounter`: the plugin builds it with `new Store(options)` and asks
 * `incr(key, callback, timeWindow)`; `child` serves a route's own limit (its key namespaced by the route).
 */
export function rateLimitStoreFor(counter: RateCounter, namespace = 'http') {
  return class SharedRateLimitStore {
    constructor(readonly options?: unknown) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      counter.hit(`${namespace}:${key}`, timeWindow).then(
        ({ count, resetInMs }) => callback(null, { current: count, ttl: resetInMs }),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: object): SharedRateLimitStore {
      const info = (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo;
      const route = info?.url ? `${info.method} ${info.url}` : '';
      const Child = rateLimitStoreFor(counter, route ? `${namespace}:${route}` : namespace);
      return new Child(routeOptions);
    }
  };
}
