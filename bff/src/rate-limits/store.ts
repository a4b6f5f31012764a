import cluster from 'node:cluster';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterCluster,
  RateLimiterClusterMaster,
  RateLimiterMemory,
  RateLimiterRedis,
} from 'rate-limiter-flexible';
import type { Budget, RateLimitPolicy } from './policies.js';

/**
 * Where the counters live, so that every BFF process spends one budget:
 *
 * - `redis`: one Redis for every BFF process of every node (`REDIS_URL`).
 * - `primary`: the memory of the node's first process, which forked the BFF processes
 *   (`startProcessGroup`); each check is one message over the cluster's IPC channel, no network.
 *   That process must call {@link countForProcesses} before it forks.
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

/**
 * Keeps the counters of the BFF processes this process forks. Safe to call more than once; the
 * counters are created by the first check of each policy.
 */
export function countForProcesses(): void {
  new RateLimiterClusterMaster();
}

/** A counter of one policy; a refused consume rejects with a `RateLimiterRes`, a broken store with an `Error`. */
export function counterFor(store: RateLimitStore, policy: RateLimitPolicy, budget: Budget): RateLimiterAbstract {
  const options = { keyPrefix: `scc-bff-${policy}`, points: budget.points, duration: budget.seconds };
  switch (store.kind) {
    case 'redis':
      // Refuse at once while Redis is not connected instead of queueing: the insurance answers.
      return new RateLimiterRedis({ ...options, storeClient: store.client, rejectIfRedisNotReady: true });
    case 'primary':
      return new RateLimiterCluster({ ...options, timeoutMs: store.timeoutMs ?? 1000 });
    case 'process':
      return new RateLimiterMemory(options);
  }
}
