import { z } from 'zod';

/**
 * The BFF's rate limits. Each is a fixed window: `points` requests per key within `seconds` from
 * the key's first request; the window's remaining time is what a refused caller waits.
 *
 * - `embed-sessions-per-ip`: every `POST /v1/embed-sessions`, counted per client address before
 *   the API key is checked (floods of mints, with or without a key).
 * - `embed-sessions-per-host`: mints with a valid API key, per host (all its keys share it).
 * - `failed-authentications-per-ip`: answers 401 (a wrong host API key, a forged, expired or
 *   revoked widget token), per client address.
 * - `widget-per-user`: every widget request with a valid token, per user (all their sessions).
 * - `submits-per-unit`: operation request submits, per business unit the session acts on.
 * - `step-up-per-user`: TOTP and recovery codes checked (step-ups and enrolment confirmations),
 *   per user; the cockpit's lock-out after wrong codes holds besides it.
 */
export const RATE_LIMIT_POLICIES = [
  'embed-sessions-per-ip',
  'embed-sessions-per-host',
  'failed-authentications-per-ip',
  'widget-per-user',
  'submits-per-unit',
  'step-up-per-user',
] as const;

export type RateLimitPolicy = (typeof RATE_LIMIT_POLICIES)[number];

export interface Budget {
  points: number;
  seconds: number;
}

export type RateLimitSettings = Record<RateLimitPolicy, Budget>;

/**
 * Far above what people do in the widget (a page load makes a handful of requests, a list page
 * one per scroll) and what a host's backend needs (one mint per user every 10 minutes), far below
 * what a script does at full speed.
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  'embed-sessions-per-ip': { points: 600, seconds: 60 },
  'embed-sessions-per-host': { points: 600, seconds: 60 },
  'failed-authentications-per-ip': { points: 30, seconds: 300 },
  'widget-per-user': { points: 600, seconds: 60 },
  'submits-per-unit': { points: 60, seconds: 60 },
  // A person types a code a few times a minute at most; a million six-digit codes stay out of reach.
  'step-up-per-user': { points: 10, seconds: 60 },
};

/** A budget as configured: `points/seconds`, e.g. `600/60`. */
export function budgetSetting(fallback: Budget) {
  return z
    .string()
    .regex(/^\d{1,9}\/\d{1,6}$/, 'a budget is points/seconds, e.g. 600/60')
    .transform((text) => {
      const [points, seconds] = text.split('/').map(Number) as [number, number];
      return { points, seconds };
    })
    .refine((b) => b.points >= 1 && b.seconds >= 1, 'points and seconds are at least 1')
    .default({ ...fallback });
}
