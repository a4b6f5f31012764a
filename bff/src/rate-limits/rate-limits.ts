import type { Logger } from '@scc/service-kit/log';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { BoundedCache } from '../bounded-cache.js';
import {
  type Budget,
  DEFAULT_RATE_LIMITS,
  RATE_LIMIT_POLICIES,
  type RateLimitPolicy,
  type RateLimitSettings,
} from './policies.js';
import type { Counter } from './primary-store.js';
import { counterFor, type RateLimitStore } from './store.js';

interface Counters {
  shared: Counter;
  insurance: RateLimiterMemory;
}

/** What a check found: allowed (with what is left), or refused until `retryAfterSeconds`. */
export interface Verdict {
  policy: RateLimitPolicy;
  budget: Budget;
  limited: boolean;
  remaining: number;
  /** Whole seconds until the window ends (at least 1 when limited). */
  resetSeconds: number;
}

export interface RateLimitsOptions {
  settings?: Partial<RateLimitSettings>;
  /** Default: this process's memory. */
  store?: RateLimitStore;
  /** Warnings about the store; default: none. */
  log?: Logger;
  /** Keys known to be refused, per process, so that a flood of them never reaches the store. */
  blockedKeysRemembered?: number;
  /** After the store failed, how long checks go to the insurance before the store is tried again. */
  storeRetryMs?: number;
  now?: () => number;
}

/**
 * The BFF's rate limits on one store ({@link RateLimitStore}).
 *
 * When the store fails (Redis down, the primary process not answering), each process goes on with
 * an insurance counter in its own memory with the same budgets: limits still hold per process, so
 * a node of n processes allows at most n times the budget until the store is back. Failing closed
 * would take the whole product down with a cache; failing wide open would drop the protection
 * exactly when something is already wrong. The store is tried again after `storeRetryMs`.
 */
export class RateLimits {
  readonly settings: RateLimitSettings;
  readonly #counters: Record<RateLimitPolicy, Counters>;
  readonly #blocked: BoundedCache<string, number>;
  readonly #now: () => number;
  readonly #log: Logger | undefined;
  readonly #storeRetryMs: number;
  #storeDownUntil = 0;

  constructor(options: RateLimitsOptions = {}) {
    this.settings = { ...DEFAULT_RATE_LIMITS, ...options.settings };
    const store = options.store ?? { kind: 'process' };
    this.#counters = Object.fromEntries(
      RATE_LIMIT_POLICIES.map((policy) => {
        const budget = this.settings[policy];
        return [
          policy,
          {
            shared: counterFor(store, policy, budget),
            insurance: new RateLimiterMemory({ points: budget.points, duration: budget.seconds }),
          },
        ];
      }),
    ) as Record<RateLimitPolicy, Counters>;
    this.#blocked = new BoundedCache(options.blockedKeysRemembered ?? 10_000);
    this.#now = options.now ?? (() => Date.now());
    this.#log = options.log;
    this.#storeRetryMs = options.storeRetryMs ?? 5000;
  }

  /** Counts one request of `key` against `policy`. */
  async consume(policy: RateLimitPolicy, key: string): Promise<Verdict> {
    const known = this.#knownBlocked(policy, key);
    if (known) return known;
    const res = await this.#ask(policy, (counter) => counter.consume(key));
    const verdict = this.#verdict(policy, res);
    if (verdict.limited) this.#blocked.set(`${policy} ${key}`, this.#now() + res.msBeforeNext);
    return verdict;
  }

  /** Whether `key` has spent its budget of `policy`, without counting this request. */
  async peek(policy: RateLimitPolicy, key: string): Promise<Verdict> {
    const known = this.#knownBlocked(policy, key);
    if (known) return known;
    const found = await this.#ask(policy, (counter) => counter.get(key));
    // A memory counter may still hold a window that just ended (its timer drops it a moment later).
    const res = found && found.msBeforeNext > 0 ? found : null;
    const budget = this.settings[policy];
    const spent = res ? res.consumedPoints >= budget.points : false;
    return {
      policy,
      budget,
      limited: spent,
      remaining: res ? Math.max(0, budget.points - res.consumedPoints) : budget.points,
      resetSeconds: res ? Math.max(spent ? 1 : 0, Math.ceil(res.msBeforeNext / 1000)) : 0,
    };
  }

  #knownBlocked(policy: RateLimitPolicy, key: string): Verdict | undefined {
    const id = `${policy} ${key}`;
    const until = this.#blocked.get(id);
    if (until === undefined) return undefined;
    const left = until - this.#now();
    if (left <= 0) {
      this.#blocked.delete(id);
      return undefined;
    }
    return { policy, budget: this.settings[policy], limited: true, remaining: 0, resetSeconds: Math.ceil(left / 1000) };
  }

  /** Resolves with the counter's answer, refused or not; a broken store is answered by the insurance. */
  async #ask<T extends RateLimiterRes | null>(
    policy: RateLimitPolicy,
    call: (counter: Counter) => Promise<T>,
  ): Promise<T> {
    const { shared, insurance } = this.#counters[policy];
    const settle = (promise: Promise<T>) =>
      promise.catch((reason: unknown) => {
        if (reason instanceof RateLimiterRes) return reason as T;
        throw reason;
      });
    if (this.#now() >= this.#storeDownUntil) {
      try {
        return await settle(call(shared));
      } catch (error) {
        this.#storeDownUntil = this.#now() + this.#storeRetryMs;
        this.#log?.warn('rate limit store failed: counting in this process for now', {
          policy,
          error: error instanceof Error ? error.message : String(error),
          retryInMs: this.#storeRetryMs,
        });
      }
    }
    return settle(call(insurance));
  }

  #verdict(policy: RateLimitPolicy, res: RateLimiterRes): Verdict {
    const budget = this.settings[policy];
    const limited = res.consumedPoints > budget.points;
    return {
      policy,
      budget,
      limited,
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: Math.max(limited ? 1 : 0, Math.ceil(res.msBeforeNext / 1000)),
    };
  }
}
