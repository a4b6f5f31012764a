import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { encode } from 'uqr';

/**
 * RFC 6238 as every authenticator app speaks it by default: SHA-1, six digits, 30-second steps.
 * otpauth does the arithmetic; the cockpit keeps which step was used last (replay) and the
 * failures (lock-out) in the database.
 */
const ISSUER = 'Service Control Center';
const PERIOD_SECONDS = 30;
/** One step either side: a phone's clock a little off, or a code typed as it turned over. */
const WINDOW = 1;
const RECOVERY_CODE_COUNT = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function totpOf(secret: string, accountName = '') {
  return new TOTP({
    issuer: ISSUER,
    label: accountName,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
  });
}

/** 160 random bits (RFC 4226's recommended length), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI an app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return totpOf(secret, accountName).toString();
}

/**
 * The time step of `code` if it is the secret's code at `now` or one step beside it, else
 * undefined. Whether that step is still unused is the database's to decide.
 */
export function stepOfCode(secret: string, code: string, now: Date): number | undefined {
  const totp = totpOf(secret);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? undefined : totp.counter({ timestamp: now.getTime() }) + delta;
}

/** Ten codes of ten base32 characters (50 bits each), shown as `XXXXX-XXXXX`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    // 256 is a multiple of 32: every character equally likely.
    const code = [...randomBytes(10)].map((byte) => BASE32[byte % 32]).join('');
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** A recovery code as stored and compared: no dash, upper case (what the contract makes of input). */
export function normalisedRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * The QR code of `text` as SVG path data, one unit per module, the quiet zone included: the
 * widget draws it with `<path>` and needs no QR library in the browser. Runs of dark modules in a
 * row become one rectangle each.
 */
export function qrCodeOf(text: string): { size: number; path: string } {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  const parts: string[] = [];
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      parts.push(`M${x} ${y}h${end - x + 1}v1h-${end - x + 1}z`);
      x = end;
    }
  });
  return { size, path: parts.join('') };
}
