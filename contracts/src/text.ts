import { z } from '@hono/zod-openapi';

/**
 * Control characters (NUL and the other C0/C1 codes, tabs and line breaks included) and UTF-16
 * surrogates without their partner. PostgreSQL refuses NUL and lone surrogates in text and
 * jsonb, so such a value would fail the write after validation passed; the others have no place
 * in a one-line name and would show up in every screen and invoice that prints it.
 */
// Cc: the control characters; Cs: surrogates, which with the `u` flag only a lone half matches.
const UNPRINTABLE = /[\p{Cc}\p{Cs}]/u;

/** A one-line text field: trimmed, between `min` and `max` characters, printable Unicode only. */
export function singleLineText(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !UNPRINTABLE.test(value), 'Contains control characters or invalid Unicode');
}

/** Free text that may span lines, with only what PostgreSQL cannot store refused: NUL and lone surrogates. */
export function storableText(min: number, max: number) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine(
      (value) => !value.includes('\u0000') && !/\p{Cs}/u.test(value),
      'Contains a NUL character or invalid Unicode',
    );
}
