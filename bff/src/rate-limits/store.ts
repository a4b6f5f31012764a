import cluster from 'node:cluster';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Budget, RateLimitPolicy } from './policies.js';
import { type Counter, primaryCounter } from './primary-store.js';

/**
 * Where the counters live, so that every BFF process spends one budget:
 *
 * - `redis`: one Redis for every BFF process of every node (`REDIS_URL`).
 * - `primary`: the memory of the node's first process, which forked the BFF processes
 *   (`startProcessGroup`); the checks of one event-loop turn are one message over the cluster's
 *   IPC channel, no network. That process must call `countForProcesses` before it forks.
 * - `process`: this process's memory, for a BFF that runs as one process (or one app in a test).
 */
export type RateLimitStore =
  | { kind: 'redis'; client: Redis }
  | { kind: 'primary'; timeoutMs?: number }
  | { kind: 'process' };

/** Redis when there is one, else the primary when this process was forked by one, else this process. */
export function defaultStore(redis: Redis | undefined): RateLimitStore {
  if (redis) return { kind: 'redis', client: redis };
  return cluster.isWorker ? { kind: 'primary' } : { kind: 'process' };
}

/** A counter of one policy; a refused consume rejects with a `RateLimiterRes`, a broken store with an `Error`. */
export function counterFor(store: RateLimitStore, policy: RateLimitPolicy, budget: Budget): Counter {
  const options = { keyPrefix: `scc-bff-${policy}`, points: budget.points, duration: budget.seconds };
  switch (store.kind) {
    case 'redis':
      // Refuse at once while Redis is not connected instead of queueing: the insurance answers.
      return new RateLimiterRedis({ ...options, storeClient: store.client, rejectIfRedisNotReady: true });
    case 'primary':
      return primaryCounter(options.keyPrefix, budget, store.timeoutMs ?? 1000);
    case 'process':
      return new RateLimiterMemory(options);
  }
}
