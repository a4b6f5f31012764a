import type { Logger } from '@scc/service-kit/log';
import { Redis } from 'ioredis';
import { type RateLimitEnvironment, rateLimitSettingsOf } from '../env.js';
import type { OnLimited } from './middleware.js';
import { RateLimits } from './rate-limits.js';
import { defaultStore } from './store.js';

/** What the BFF app needs to limit requests (`BffDependencies.rateLimiting`). */
export interface RateLimiting {
  limits: RateLimits;
  /** See {@link RateLimitEnvironment} `BFF_TRUSTED_PROXY_HOPS`. */
  trustedProxyHops?: number;
  /** Each refused request; default: a warning in the request's log. */
  onLimited?: OnLimited;
}

/**
 * The rate limits as configured: on Redis when `REDIS_URL` is set, else on the node's first
 * process when this one was forked by it, else in this process. `close` ends the Redis connection.
 */
export function rateLimitingFromEnvironment(
  env: RateLimitEnvironment,
  log: Logger,
): { rateLimiting: RateLimiting; close(): Promise<void> } {
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL, log) : undefined;
  return {
    rateLimiting: {
      limits: new RateLimits({ settings: rateLimitSettingsOf(env), store: defaultStore(redis), log }),
      trustedProxyHops: env.BFF_TRUSTED_PROXY_HOPS,
    },
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * A Redis connection that never queues a command while disconnected: a check fails at once and
 * the insurance counts instead (see {@link RateLimits}), so requests never wait for Redis to return.
 */
export function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let reported = false;
  redis.on('error', (error: Error) => {
    // ioredis reconnects by itself and reports every failed attempt; one line per outage is enough.
    if (reported) return;
    reported = true;
    log.warn('rate limit store: Redis unreachable, reconnecting', { error: error.message });
  });
  redis.on('ready', () => {
    if (reported) log.info('rate limit store: Redis reachable again');
    reported = false;
  });
  return redis;
}
