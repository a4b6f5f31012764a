import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** AES-256 wants 32 bytes; `COCKPIT_TOTP_KEY` is them in base64. */
export const TOTP_KEY_BYTES = 32;

const VERSION = 'v1';

/**
 * Keeps TOTP secrets encrypted at rest and recovery codes as keyed hashes, with keys derived from
 * the cockpit's `COCKPIT_TOTP_KEY`, which never reaches the database: a copy of the database alone
 * neither reveals a secret nor lets anyone test guesses of a recovery code.
 */
export interface SecretBox {
  /** `v1.<iv>.<ciphertext and tag>`, bound to the user: a ciphertext copied to another user's row does not open. */
  seal(userId: string, plaintext: string): string;
  open(userId: string, sealed: string): string;
  /** The stored form of a recovery code (already normalised by the contract). */
  recoveryCodeHash(code: string): string;
}

export function secretBox(key: Uint8Array): SecretBox {
  if (key.byteLength !== TOTP_KEY_BYTES) throw new Error(`the TOTP key must be ${TOTP_KEY_BYTES} bytes`);
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), purpose, 32));
  const encryption = derive('scc totp secret encryption');
  const hashing = derive('scc totp recovery codes');
  return {
    seal(userId, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryption, iv);
      cipher.setAAD(Buffer.from(userId));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(userId, sealed) {
      const [version, iv, body] = sealed.split('.');
      if (version !== VERSION || !iv || !body) throw new Error('not a sealed TOTP secret');
      const bytes = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encryption, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(userId));
      decipher.setAuthTag(bytes.subarray(-16));
      return Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString('utf8');
    },
    recoveryCodeHash(code) {
      return createHmac('sha256', hashing).update(code).digest('base64url');
    },
  };
}

/** A key given as base64 (standard or URL-safe); undefined unless it decodes to exactly 32 bytes. */
export function totpKeyFromBase64(text: string): Uint8Array | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.byteLength === TOTP_KEY_BYTES ? new Uint8Array(bytes) : undefined;
}
