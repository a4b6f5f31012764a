import { assertEqual, makeToken } from '../../test/helpers.js';
import { decodeJwtPayload, jwtExpiresAt, refreshDelay } from './jwt.js';

describe('jwt helpers', () => {
  it('decodes base64url payloads without verifying', () => {
    const token = makeToken(60, { name: 'Zoë ü?>~' });
    assertEqual(decodeJwtPayload(token)?.name, 'Zoë ü?>~');
    const exp = jwtExpiresAt(token) ?? 0;
    const now = Date.now();
    assertEqual(exp > now + 58_000 && exp <= now + 60_000, true);
  });

  it('returns undefined for non-JWTs', () => {
    assertEqual(decodeJwtPayload('opaque'), undefined);
    assertEqual(decodeJwtPayload('a.!!!.c'), undefined);
    assertEqual(jwtExpiresAt('a.eyJmb28iOjF9.c'), undefined);
  });

  it('refreshes 60 s before expiry, or at half-life when shorter', () => {
    assertEqual(refreshDelay(600_000, 0), 540_000);
    assertEqual(refreshDelay(120_000, 0), 60_000);
    assertEqual(refreshDelay(60_000, 0), 30_000);
    assertEqual(refreshDelay(2_000, 0), 1_000);
    assertEqual(refreshDelay(1_000, 1_000), undefined);
  });
});
