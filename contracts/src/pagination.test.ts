import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  cursorParam,
  decodeCursor,
  encodeCursor,
  keysetCursor,
  limitParam,
  readNameIdCursor,
  readPathCursor,
  readTimeIdCursor,
} from './pagination.js';

describe('cursors', () => {
  const path = '5af68a99b6c55d2f8ad8f027ab2faccd.4e24d9c7d2015247b570e7716f15c103';

  test('round-trip business-unit and tenant cursors', () => {
    const id = randomUUID();
    expect(decodeCursor(encodeCursor(path))).toBe(path);
    expect(decodeCursor(encodeCursor(`${path}|${id}`))).toBe(`${path}|${id}`);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  test('hide the path and are valid query values', () => {
    const cursor = encodeCursor(path);
    expect(cursor).not.toContain(path);
    expect(cursorParam.safeParse(cursor).success).toBe(true);
  });

  test.each([
    ['not base64 of a path', encodeCursor('a b')],
    ['empty label', encodeCursor('a..b')],
    ['trailing dot', encodeCursor('a.')],
    ['SQL', encodeCursor("a' or '1'='1")],
    ['label over 256 characters', encodeCursor('a'.repeat(257))],
    ['id that is no uuid', encodeCursor(`a|${'-'.repeat(36)}`)],
    ['uppercase uuid', encodeCursor(`a|${randomUUID().toUpperCase()}`)],
    ['two ids', encodeCursor(`a|${randomUUID()}|${randomUUID()}`)],
  ])('reject %s', (_name, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });

  test('a 256-character label is still accepted', () => {
    expect(decodeCursor(encodeCursor('a'.repeat(256)))).toBe('a'.repeat(256));
  });
});

describe('limit', () => {
  test('coerces query text, defaults to 500 and stays within 1..1000', () => {
    expect(limitParam.parse(undefined)).toBe(500);
    expect(limitParam.parse('7')).toBe(7);
    for (const bad of ['0', '1001', 'abc', '2.5', '-1']) expect(limitParam.safeParse(bad).success, bad).toBe(false);
  });
});

describe('keyset cursors', () => {
  test('round-trip (name, id) and (time, id), including names with any characters', () => {
    const id = randomUUID();
    const name = 'Zürich "North" | a.b, 1';
    expect(readNameIdCursor(keysetCursor([name, id]))).toEqual({ name, id });
    const at = '2026-11-22T05:31:02.123456Z';
    expect(readTimeIdCursor(keysetCursor([at, id]))).toEqual({ at, id });
    expect(cursorParam.safeParse(keysetCursor([name, id])).success).toBe(true);
  });

  test('refuse path cursors, malformed ids and times, and the other kinds', () => {
    const id = randomUUID();
    const path = '5af68a99b6c55d2f8ad8f027ab2faccd';
    expect(() => readNameIdCursor(encodeCursor(path))).toThrow();
    expect(() => readNameIdCursor(keysetCursor(['a', 'no-uuid']))).toThrow();
    expect(() => readNameIdCursor(keysetCursor(['a']))).toThrow();
    expect(() => readTimeIdCursor(keysetCursor(['yesterday', id]))).toThrow();
    expect(() => readPathCursor(keysetCursor(['a', id]))).toThrow();
  });
});
