import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { readEnv } from '../env.js';
import { secretBox, totpKeyFromBase64 } from './secret-box.js';

const key = new Uint8Array(randomBytes(32));
const box = secretBox(key);
const casey = '0b1e6a52-7f7e-5c2b-9d41-1d2a3b4c5d6e';
const dana = '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f';

describe('the secret box', () => {
  test('opens what it sealed, for the same user only', () => {
    const sealed = box.seal(casey, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(casey, sealed)).toBe('JBSWY3DPEHPK3PXP');
    // A ciphertext copied to another user's row does not open there.
    expect(() => box.open(dana, sealed)).toThrow();
    // Nor with another key.
    expect(() => secretBox(new Uint8Array(randomBytes(32))).open(casey, sealed)).toThrow();
  });

  test('seals the same secret differently each time, and refuses a tampered one', () => {
    const [a, b] = [box.seal(casey, 'secret'), box.seal(casey, 'secret')];
    expect(a).not.toBe(b);
    const [version, iv, body] = a.split('.') as [string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.open(casey, `${version}.${iv}.${flipped.toString('base64url')}`)).toThrow();
  });

  test('hashes recovery codes with its key: the same code hashes alike, another key differently', () => {
    expect(box.recoveryCodeHash('K7QXM2DPLA')).toBe(box.recoveryCodeHash('K7QXM2DPLA'));
    expect(box.recoveryCodeHash('K7QXM2DPLA')).not.toBe(box.recoveryCodeHash('K7QXM2DPLB'));
    expect(secretBox(new Uint8Array(randomBytes(32))).recoveryCodeHash('K7QXM2DPLA')).not.toBe(
      box.recoveryCodeHash('K7QXM2DPLA'),
    );
  });
});

describe('COCKPIT_TOTP_KEY', () => {
  const base = { SCC_SERVICE_PUBLIC_KEYS: '{"keys":[]}' };
  const given = Buffer.from(key).toString('base64');

  test('is 32 bytes of base64', () => {
    expect(totpKeyFromBase64(given)).toEqual(key);
    expect(totpKeyFromBase64(Buffer.from(key).toString('base64url'))).toEqual(key);
    expect(totpKeyFromBase64(Buffer.from(randomBytes(16)).toString('base64'))).toBeUndefined();
    expect(() => readEnv({ ...base, COCKPIT_TOTP_KEY: 'short' })).toThrow(/COCKPIT_TOTP_KEY/);
  });

  test('is required on a database server, and optional for the embedded demo', () => {
    const server = { ...base, DATABASE_URL: 'postgres://scc@127.0.0.1:5432/scc' };
    expect(() => readEnv(server)).toThrow(/COCKPIT_TOTP_KEY: required with DATABASE_URL/);
    expect(readEnv({ ...server, COCKPIT_TOTP_KEY: given }).COCKPIT_TOTP_KEY).toEqual(key);
    expect(readEnv(base).COCKPIT_TOTP_KEY).toBeUndefined();
  });
});
