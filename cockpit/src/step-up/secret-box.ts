import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** AES-256 wants 32 bytes; `COCKPIT_TOTP_KEY` is them in base64. */
export const TOTP_KEY_BYTES = 32;

const VERSION = 'v1';

/** The purpose hosts' webhook secrets are sealed for (the alert deliverer opens them). */
export const WEBHOOK_SECRET_PURPOSE = 'scc webhook secrets';

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

/** Seals and opens short secrets bound to the row they belong to (its id as associated data). */
export interface Sealer {
  seal(owner: string, plaintext: string): string;
  open(owner: string, sealed: string): string;
}

function checkedKey(key: Uint8Array): Uint8Array {
  if (key.byteLength !== TOTP_KEY_BYTES) throw new Error(`the TOTP key must be ${TOTP_KEY_BYTES} bytes`);
  return key;
}

const derive = (key: Uint8Array, purpose: string) =>
  Buffer.from(hkdfSync('sha256', checkedKey(key), new Uint8Array(0), purpose, 32));

/**
 * AES-256-GCM under a key derived from the cockpit's key for one `purpose`, so TOTP secrets and
 * webhook secrets never share a key: `v1.<iv>.<ciphertext and tag>`.
 */
export function sealer(key: Uint8Array, purpose: string): Sealer {
  const encryption = derive(key, purpose);
  return {
    seal(owner, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryption, iv);
      cipher.setAAD(Buffer.from(owner));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(owner, sealed) {
      const [version, iv, body] = sealed.split('.');
      if (version !== VERSION || !iv || !body) throw new Error('not a sealed secret');
      const bytes = Buffer.from(body, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encryption, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(owner));
      decipher.setAuthTag(bytes.subarray(-16));
      return Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString('utf8');
    },
  };
}

export function secretBox(key: Uint8Array): SecretBox {
  const hashing = derive(key, 'scc totp recovery codes');
  return {
    ...sealer(key, 'scc totp secret encryption'),
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
