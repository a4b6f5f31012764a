import type { FieldError } from '@scc/contracts/problem';
import { isObject, type Json } from './profile-diff.js';

/**
 * A product's description of what its tenants' solution profiles may hold, kept as data on the
 * product (`products.profile_schema`): a small subset of JSON Schema, enough for configuration.
 *
 * - `{ type: 'object', properties?, required?, additionalProperties? }` — `additionalProperties`
 *   is `true` (default), `false`, or a schema every other key's value must satisfy;
 * - `{ type: 'string', maxLength?, enum? }`, `{ type: 'integer' | 'number', minimum?, maximum? }`,
 *   `{ type: 'boolean' }`, `{ type: 'array', items?, maxItems? }`.
 *
 * A schema of a kind this does not know accepts anything: products may describe more than we check.
 */
export type ProfileSchema = Record<string, unknown>;

const typeName = (value: Json): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

function fits(type: unknown, value: Json): boolean {
  const actual = typeName(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return type === actual;
}

function check(schema: ProfileSchema, value: Json, field: string, out: FieldError[]): void {
  const type = schema.type;
  if (typeof type === 'string' && !fits(type, value)) {
    out.push({ field, message: `Expected ${type}, got ${typeName(value)}` });
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) {
    out.push({ field, message: `One of: ${schema.enum.map(String).join(', ')}` });
  }
  if (typeof value === 'string' && typeof schema.maxLength === 'number' && value.length > schema.maxLength) {
    out.push({ field, message: `At most ${schema.maxLength} characters` });
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      out.push({ field, message: `At least ${schema.minimum}` });
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      out.push({ field, message: `At most ${schema.maximum}` });
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
      out.push({ field, message: `At most ${schema.maxItems} items` });
    if (isObject(schema.items)) {
      for (const [index, item] of value.entries()) check(schema.items, item, `${field}.${index}`, out);
    }
  }
  if (isObject(value)) checkObject(schema, value, field, out);
}

function checkObject(schema: ProfileSchema, value: Record<string, Json>, field: string, out: FieldError[]): void {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const key of required) {
    if (typeof key === 'string' && !Object.hasOwn(value, key))
      out.push({ field: `${field}.${key}`, message: 'Required' });
  }
  for (const key of Object.keys(value)) {
    const child = `${field}.${key}`;
    const known = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (isObject(known)) check(known, value[key] as Json, child, out);
    else if (schema.additionalProperties === false) out.push({ field: child, message: 'Not part of the profile' });
    else if (isObject(schema.additionalProperties)) check(schema.additionalProperties, value[key] as Json, child, out);
  }
}

/** Every place where `document` breaks `schema`, each named as a field under `field` (e.g. `body.document`). */
export function validateProfile(schema: ProfileSchema | null, document: Json, field: string): FieldError[] {
  if (!schema) return isObject(document) ? [] : [{ field, message: 'Expected an object' }];
  const out: FieldError[] = [];
  check({ ...schema, type: 'object' }, document, field, out);
  return out;
}
