import { createHmac } from 'node:crypto';

/**
 * What an authenticator app does with a scanned secret, written out from RFC 6238 / RFC 4226
 * rather than with the library the cockpit uses, so a wrong algorithm, period or digit count on
 * the cockpit's side fails the tests.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Bytes(text: string): Buffer {
  let bits = '';
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const value = BASE32.indexOf(ch);
    if (value < 0) throw new Error(`not base32: ${ch}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)));
}

/** The HOTP value of `counter` (RFC 4226, HMAC-SHA-1, dynamic truncation). */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The six-digit code the app shows at `at` for a base32 secret (30-second steps). */
export function totpCode(secret: string, at: Date): string {
  return hotp(base32Bytes(secret), Math.floor(at.getTime() / 30_000));
}
