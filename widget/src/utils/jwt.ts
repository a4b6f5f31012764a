/** Claims the widget reads from the embed session token. It never verifies the token (the BFF does). */
export interface JwtTimes {
  /** Expiry, seconds since the epoch. */
  exp?: number;
  /** Issued at, seconds since the epoch. */
  iat?: number;
}

/** Decodes a JWT's payload without verifying it. Returns `undefined` for anything that is not a JWT. */
export function decodeJwtPayload(token: string): (JwtTimes & Record<string, unknown>) | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as JwtTimes & Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Expiry of a JWT in epoch milliseconds, or `undefined` when it has no readable `exp`. */
export function jwtExpiresAt(token: string): number | undefined {
  const exp = decodeJwtPayload(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}

/** Refresh this long before expiry for long-lived tokens. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * Milliseconds from `now` until a token expiring at `expiresAt` should be refreshed:
 * 60 s before expiry, or at half of the remaining lifetime when that is shorter.
 * `undefined` when the token is already expired.
 */
export function refreshDelay(expiresAt: number, now: number): number | undefined {
  const remaining = expiresAt - now;
  if (remaining <= 0) return undefined;
  return remaining > 2 * REFRESH_MARGIN_MS ? remaining - REFRESH_MARGIN_MS : remaining / 2;
}
