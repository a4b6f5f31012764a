import type { Database } from '@scc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertProperty, fc } from '../support/fast-check.js';
import { rowsOf } from '../support/sql.js';

/**
 * A fuzzer driven by a service's own OpenAPI document: for every operation it generates requests
 * from the JSON schemas of its parameters and body (fast-check arbitraries made by
 * {@link arbitraryOf}), and mutates some of them the way an attacker would (deep nesting, NUL,
 * lone surrogates, huge strings and numbers, `1e400` written in the JSON text, prototype keys,
 * wrong types, unknown keys, bytes that are no UTF-8). Each answer must be quick, never 5xx, a
 * problem+json when it is a 4xx, and a refused request must have written no row.
 */

type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
  security?: Record<string, string[]>[];
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
}

export interface Operation {
  method: string;
  /** The OpenAPI path, `/v1/widget/users/{id}`. */
  path: string;
  parameters: ParameterObject[];
  body: Schema | undefined;
  /** The security scheme whose credentials the request carries; undefined for none. */
  scheme: string | undefined;
}

/** Every operation of a document, but those answering an endless event stream. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) => {
      const streams = Object.values(op.responses ?? {}).some((r) => r.content && 'text/event-stream' in r.content);
      if (streams) return [];
      const security = op.security ?? doc.security ?? [];
      return [
        {
          method: method.toUpperCase(),
          path,
          parameters: op.parameters ?? [],
          body: op.requestBody?.content?.['application/json']?.schema,
          scheme: Object.keys(security[0] ?? {})[0],
        },
      ];
    }),
  );
}

/** Values the generators mix into every string of their format: ids that exist make routes go deeper. */
export interface KnownValues {
  uuids: string[];
  /** The ids that fit a name: a property (`parentId`), a query parameter, or the path segment before `{id}`. */
  byName: Record<string, string[]>;
}

const MAX_DEPTH = 6;

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${ref}`);
  return resolve(target, doc);
}

function stringOf(schema: Schema, known: KnownValues, name?: string): fc.Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, 80);
  switch (schema.format) {
    case 'uuid': {
      // Mostly ids that exist, of the kind the name asks for, so that requests get past "not found".
      const pool = (name === undefined ? undefined : known.byName[name]) ?? known.uuids;
      return pool.length > 0
        ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 4 }, { arbitrary: fc.uuid(), weight: 1 })
        : fc.uuid();
    }
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
  }
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= Math.max(maxLength, 200));
  }
  return fc.string({ minLength, maxLength: Math.max(minLength, maxLength), unit: 'grapheme' });
}

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  if (integer) {
    return fc.integer({ min: min ?? -1_000_000, max: max ?? 1_000_000 });
  }
  return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true });
}

/** A fast-check arbitrary of the values a JSON schema (as zod-openapi writes them) describes. */
export function arbitraryOf(
  input: Schema,
  doc: OpenApiDocument,
  known: KnownValues,
  depth = 0,
  name?: string,
): fc.Arbitrary<unknown> {
  const schema = resolve(input, doc);
  if (depth > MAX_DEPTH) return fc.constant(null);
  const next = (s: Schema, key = name) => arbitraryOf(s, doc, known, depth + 1, key);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) return fc.oneof(...(options as Schema[]).map((s) => next(s)));
  }
  if (Array.isArray(schema.allOf)) {
    const merged = Object.assign({}, ...(schema.allOf as Schema[]).map((s) => resolve(s, doc))) as Schema;
    return next(merged);
  }
  const type = schema.type;
  if (Array.isArray(type)) {
    return fc.oneof(...(type as string[]).map((t) => next({ ...schema, type: t })));
  }
  switch (type) {
    case 'string':
      return stringOf(schema, known, name);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema.items as Schema | undefined) ?? {};
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 4, 4);
      return fc.array(next(items), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'object': {
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      const required = (schema.required as string[] | undefined) ?? [];
      const additional = schema.additionalProperties;
      const record = fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, next(s, k)])), {
        requiredKeys: required.filter((k) => k in properties),
      });
      if (additional && typeof additional === 'object' && Object.keys(properties).length === 0) {
        const keys = resolve((schema.propertyNames as Schema | undefined) ?? { type: 'string' }, doc);
        return fc.dictionary(stringOf({ ...keys, minLength: 1 }, known), next(additional as Schema), {
          maxKeys: 4,
        });
      }
      return record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** What a mutation does to a generated request. */
const bodyMutations = [
  'deep-nesting',
  'nul',
  'lone-surrogate',
  'huge-string',
  'infinite-number',
  'huge-number',
  'prototype-key',
  'wrong-type',
  'unknown-key',
  'invalid-utf8',
  'not-json',
  'not-json-content-type',
] as const;
const urlMutations = [
  'param-nul',
  'param-invalid-utf8',
  'param-lone-surrogate',
  'param-long',
  'param-traversal',
  'query-prototype-key',
  'query-nul',
  'query-unknown',
] as const;
const authMutations = ['no-credentials', 'wrong-credentials'] as const;
type MutationKind = (typeof bodyMutations)[number] | (typeof urlMutations)[number] | (typeof authMutations)[number];

interface Mutation {
  kind: MutationKind;
  /** Picks the place in the body, the parameter, or a variant. */
  at: number;
  variant: number;
}

export interface GeneratedRequest {
  operation: Operation;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  mutation: Mutation | null;
}

function requestArbitrary(operation: Operation, doc: OpenApiDocument, known: KnownValues) {
  const group = (place: ParameterObject['in']) => {
    const list = operation.parameters.filter((p) => p.in === place);
    return fc.record(
      Object.fromEntries(
        list.map((p) => {
          // `{id}` is named by the segment before it: `/business-units/{id}`.
          const before = operation.path.split(`/{${p.name}}`)[0]?.split('/').pop();
          const name = place === 'path' && p.name === 'id' ? before : p.name;
          return [p.name, arbitraryOf(p.schema ?? { type: 'string' }, doc, known, 0, name)];
        }),
      ),
      { requiredKeys: list.filter((p) => p.required || place === 'path').map((p) => p.name) },
    );
  };
  const kinds: MutationKind[] = [...urlMutations, ...authMutations, ...(operation.body ? bodyMutations : [])];
  return fc.record({
    operation: fc.constant(operation),
    params: group('path'),
    query: group('query'),
    headers: group('header'),
    body: operation.body ? arbitraryOf(operation.body, doc, known) : fc.constant(undefined),
    // About a third of the requests go as generated; the rest carry one mutation.
    mutation: fc.option(fc.record({ kind: fc.constantFrom(...kinds), at: fc.nat(), variant: fc.nat({ max: 7 }) }), {
      freq: 2,
    }),
  });
}

/** Every request of every operation, each operation equally often. */
export function requestsOf(doc: OpenApiDocument, known: KnownValues): fc.Arbitrary<GeneratedRequest> {
  return fc.oneof(...operationsOf(doc).map((op) => requestArbitrary(op, doc, known)));
}

const SENTINEL = '\u0001fuzz-sentinel\u0001';
const SENTINEL_JSON = JSON.stringify(SENTINEL);

/** Every place in a JSON value: its path and whether it holds an object. */
function placesOf(value: unknown, path: (string | number)[] = [], out: { path: (string | number)[] }[] = []) {
  out.push({ path });
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) placesOf(item, [...path, i], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) placesOf(item, [...path, key], out);
  }
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item));
  const object = value as Record<string, unknown>;
  return { ...object, [head]: replaceAt(object[head], rest, replacement) };
}

const otherTypes: unknown[] = [0, -1, 1.5, true, 'text', null, [], {}, [1, 'a'], { a: 1 }];
const prototypeKeys = ['__proto__', 'constructor', 'prototype'];

/** The body's bytes after its mutation, and the content type it goes with. */
function bodyOf(request: GeneratedRequest): { bytes: Uint8Array | undefined; contentType: string } {
  const json = 'application/json';
  const { body, mutation } = request;
  const encode = (text: string) => new TextEncoder().encode(text);
  if (body === undefined) return { bytes: undefined, contentType: json };
  const places = placesOf(body);
  const place = places[(mutation?.at ?? 0) % places.length]?.path ?? [];
  const at = (replacement: unknown) => JSON.stringify(replaceAt(body, place, replacement));
  const raw = (text: string) => at(SENTINEL).replace(SENTINEL_JSON, text);
  switch (mutation?.kind) {
    case 'deep-nesting': {
      const depth = [33, 64, 1000, 20_000][mutation.variant % 4] as number;
      return { bytes: encode(raw(`${'['.repeat(depth)}${']'.repeat(depth)}`)), contentType: json };
    }
    case 'nul':
      return { bytes: encode(at(['a\u0000b', '\u0000', 'x\u0000'][mutation.variant % 3])), contentType: json };
    case 'lone-surrogate':
      return { bytes: encode(at(['\ud800', 'a\udfffb', '\udc00\ud800'][mutation.variant % 3])), contentType: json };
    case 'huge-string':
      return {
        bytes: encode(at('x'.repeat([70_000, 2_000_000, 5000][mutation.variant % 3] as number))),
        contentType: json,
      };
    case 'infinite-number':
      return {
        bytes: encode(raw(['1e400', '-1e400', '1e309', '123e999999'][mutation.variant % 4] as string)),
        contentType: json,
      };
    case 'huge-number':
      return {
        bytes: encode(
          raw(
            ['1e308', '18446744073709551616', '-0', '1.7976931348623157e308', '5e-324'][mutation.variant % 5] as string,
          ),
        ),
        contentType: json,
      };
    case 'prototype-key': {
      const objects = places.filter((p) => {
        const value = p.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body);
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      });
      const target = objects[mutation.at % Math.max(objects.length, 1)]?.path ?? [];
      const key = prototypeKeys[mutation.variant % 3] as string;
      const text = JSON.stringify(replaceAt(body, target, { [SENTINEL]: { isAdmin: true } }));
      // Inside the object that was there: `{"<sentinel>":…}` becomes `{"__proto__":…, …the old keys}`.
      const old = target.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body);
      const rest = old && typeof old === 'object' ? JSON.stringify(old).slice(1, -1) : '';
      return {
        bytes: encode(
          text.replace(`{${SENTINEL_JSON}:{"isAdmin":true}}`, `{"${key}":{"isAdmin":true}${rest ? `,${rest}` : ''}}`),
        ),
        contentType: json,
      };
    }
    case 'wrong-type':
      return { bytes: encode(at(otherTypes[mutation.variant % otherTypes.length])), contentType: json };
    case 'unknown-key':
      return {
        bytes: encode(JSON.stringify(body !== null && typeof body === 'object' ? { ...body, extra: 1 } : { extra: 1 })),
        contentType: json,
      };
    case 'invalid-utf8': {
      const bytes = encode(JSON.stringify(body));
      const bad = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]][
        mutation.variant % 4
      ] as number[];
      const where = mutation.at % (bytes.length + 1);
      return {
        bytes: new Uint8Array([...bytes.subarray(0, where), ...bad, ...bytes.subarray(where)]),
        contentType: json,
      };
    }
    case 'not-json':
      return {
        bytes: encode(['{', '', '{"a":1}}', 'NaN', "{'a':1}"][mutation.variant % 5] as string),
        contentType: json,
      };
    case 'not-json-content-type':
      return {
        bytes: encode(JSON.stringify(body)),
        contentType: ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'][
          mutation.variant % 3
        ] as string,
      };
    default:
      return { bytes: encode(JSON.stringify(body)), contentType: json };
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The URL of a request: path parameters and query, encoded, or broken as the mutation says. */
function urlOf(request: GeneratedRequest): string {
  const { operation, mutation } = request;
  const params = Object.keys(request.params);
  const broken = params[(mutation?.at ?? 0) % Math.max(params.length, 1)];
  const rawParam: Partial<Record<MutationKind, string>> = {
    'param-nul': 'a%00b',
    'param-invalid-utf8': '%FF%FE',
    'param-lone-surrogate': '%ED%A0%80',
    'param-long': 'a'.repeat(5000),
    'param-traversal': '..%2F..%2Fopenapi.json',
  };
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const replacement = mutation && name === broken ? rawParam[mutation.kind] : undefined;
    return replacement ?? encodeURIComponent(text(request.params[name]));
  });
  const query = Object.entries(request.query).map(
    ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(text(value))}`,
  );
  if (mutation?.kind === 'query-prototype-key') query.push(`${prototypeKeys[mutation.variant % 3]}=1`);
  if (mutation?.kind === 'query-nul') query.push(query.length > 0 ? `${query.pop()}%00` : 'q=%00');
  if (mutation?.kind === 'query-unknown') query.push('unknown=1');
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

/** The request as it goes on the wire, with credentials for the operation's security scheme. */
export function toRequest(request: GeneratedRequest, credentials: Record<string, string>): Sent {
  const { bytes, contentType } = bodyOf(request);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const header = text(value);
    // Only printable ASCII: Node's HTTP parser refuses the rest before any service sees it.
    if ([...header].every((ch) => ch >= ' ' && ch <= '~')) headers[name] = header;
  }
  const scheme = request.operation.scheme;
  const kind = request.mutation?.kind;
  if (scheme && credentials[scheme] && kind !== 'no-credentials') {
    headers.authorization = `Bearer ${kind === 'wrong-credentials' ? `${credentials[scheme]}x` : credentials[scheme]}`;
  }
  if (bytes !== undefined) headers['content-type'] = contentType;
  return { method: request.operation.method, url: urlOf(request), headers, body: bytes };
}

/**
 * Counts committed row writes per table with a row trigger on every table of the test database:
 * a write that is rolled back takes its count with it, so only what stayed is counted.
 */
export async function installWriteCounter(owner: Database): Promise<() => Promise<number>> {
  await owner.execute(sql`create table fuzz_writes (tbl text primary key, n bigint not null)`);
  await owner.execute(sql`
    create function fuzz_count_write() returns trigger language plpgsql security definer
    set search_path = public, pg_catalog as $$
    begin
      -- A refusal may write one row: its own security event in the audit log (issue 12).
      if TG_TABLE_NAME = 'audit_events' and TG_OP = 'INSERT' then
        if NEW.action like '%.refused' or NEW.action in ('rate-limit.exceeded', 'step-up.failed', 'step-up.locked-out') then
          return null;
        end if;
      end if;
      -- A wrong TOTP code is counted towards the lock-out, and nothing else changes.
      if TG_TABLE_NAME = 'totp_credentials' and TG_OP = 'UPDATE'
        and (to_jsonb(NEW) - 'failed_attempts' - 'locked_until') = (to_jsonb(OLD) - 'failed_attempts' - 'locked_until') then
        return null;
      end if;
      insert into fuzz_writes values (TG_TABLE_NAME, 1) on conflict (tbl) do update set n = fuzz_writes.n + 1;
      return null;
    end $$`);
  await owner.execute(sql`
    do $$ declare t text; begin
      for t in select tablename from pg_tables where schemaname = 'public' and tablename <> 'fuzz_writes' loop
        execute format('create trigger fuzz_count_write after insert or update or delete on %I
          for each row execute function fuzz_count_write()', t);
      end loop;
    end $$`);
  return async () => {
    const [row] = rowsOf<{ n: string | number | null }>(
      await owner.execute(sql`select coalesce(sum(n), 0)::text as n from fuzz_writes`),
    );
    return Number(row?.n ?? 0);
  };
}

export interface FuzzTarget {
  doc: OpenApiDocument;
  known: KnownValues;
  /** Sends one request to the service. */
  send(request: Sent): Response | Promise<Response>;
  /** Credentials by security scheme name (`widgetToken`, `serviceToken` …), fresh enough for the next request. */
  credentials(): Promise<Record<string, string>>;
  writes: () => Promise<number>;
}

/** A hang, not a performance figure: no answer of ours may take this long. */
const HANG_MS = 5000;

function describeSent(sent: Sent): string {
  const body = sent.body ? new TextDecoder().decode(sent.body.subarray(0, 300)) : '';
  return `${sent.method} ${sent.url.slice(0, 300)} ${JSON.stringify(sent.headers)} ${body}`;
}

/**
 * Mutations no route may accept wherever they land: a field can never hold them, so the answer
 * must be a 4xx (the others, a wrong type or an unknown key, may land where they are allowed).
 */
const alwaysRefused = new Set<MutationKind>([
  'deep-nesting',
  'nul',
  'lone-surrogate',
  'infinite-number',
  'prototype-key',
  'invalid-utf8',
  'not-json',
  'param-nul',
  'param-invalid-utf8',
  'param-lone-surrogate',
  'query-prototype-key',
  'query-nul',
]);

/** Why an answer breaks the rules, or undefined when it keeps them. */
async function judge(res: Response, wrote: boolean, request: GeneratedRequest): Promise<string | undefined> {
  const contentType = res.headers.get('content-type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return undefined;
  }
  const answer = await res.text();
  if (res.status >= 500) return `answered ${res.status}: ${answer.slice(0, 500)}`;
  const kind = request.mutation?.kind;
  if (kind && res.status < 400) {
    // A broken path parameter needs a route with one.
    const applies = !kind.startsWith('param-') || Object.keys(request.params).length > 0;
    if (alwaysRefused.has(kind) && applies) return `accepted a request with ${kind} (${res.status})`;
    if (request.operation.scheme && (kind === 'no-credentials' || kind === 'wrong-credentials')) {
      return `answered ${res.status} to a request with ${kind}`;
    }
  }
  if (res.headers.get('x-content-type-options') !== 'nosniff') return `answered ${res.status} without nosniff`;
  let rejectionStored = false;
  if (res.status >= 400) {
    if (!contentType.startsWith('application/problem+json')) {
      return `answered ${res.status} as ${contentType}: ${answer.slice(0, 300)}`;
    }
    const problem = JSON.parse(answer) as { status?: unknown; requestId?: unknown };
    if (problem.status !== res.status) return `answered ${res.status} with a problem of status ${problem.status}`;
    // A request the rules rejected is stored as rejected (with its event), by design.
    rejectionStored = res.status === 422 && typeof problem.requestId === 'string';
  }
  if (wrote && res.status >= 300 && !rejectionStored) return `answered ${res.status} but wrote rows`;
  return undefined;
}

export interface FuzzOptions {
  seed: number;
  numRuns: number;
  timeBudgetMs: number;
}

/** The run's settings: a fixed seed and a minute, or `FUZZ_RUNS`/`FUZZ_SEED` for longer runs. */
export function fuzzOptions(env: NodeJS.ProcessEnv): FuzzOptions {
  const runs = Number(env.FUZZ_RUNS);
  const seed = Number(env.FUZZ_SEED);
  return Number.isInteger(runs) && runs > 0
    ? { seed: Number.isInteger(seed) ? seed : 20261129, numRuns: runs, timeBudgetMs: runs * 200 }
    : { seed: Number.isInteger(seed) ? seed : 20261129, numRuns: 4000, timeBudgetMs: 55_000 };
}

/** Sends generated requests until the runs or the time budget are spent; throws on the first broken rule. */
export async function fuzz(
  target: FuzzTarget,
  options: FuzzOptions,
): Promise<{ sent: number; statuses: Record<number, number> }> {
  const statuses: Record<number, number> = {};
  let sent = 0;
  await assertProperty(
    (budget) =>
      fc.asyncProperty(requestsOf(target.doc, target.known), async (generated) => {
        if (budget.spent()) return;
        const request = toRequest(generated, await target.credentials());
        const before = await target.writes();
        let timer: NodeJS.Timeout | undefined;
        const hang = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS);
        });
        try {
          const res = await Promise.race([Promise.resolve(target.send(request)), hang]);
          const wrote = (await target.writes()) !== before;
          const broken = await Promise.race([judge(res, wrote, generated), hang]);
          sent++;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (broken) throw new Error(`${broken}\n  request: ${describeSent(request)}`);
        } catch (error) {
          if (error instanceof Error && !error.message.includes('request:')) {
            error.message = `${error.message}\n  request: ${describeSent(request)}`;
          }
          throw error;
        } finally {
          clearTimeout(timer);
        }
      }),
    options,
  );
  return { sent, statuses };
}

/** A service under fuzzing: its app on its own database, and how to authenticate as the fuzzing persona. */
export interface FuzzedService {
  request(url: string, init: RequestInit): Response | Promise<Response>;
  /** The owner connection of the service's database (for the write counter). */
  owner: Database;
  known: KnownValues;
  credentials(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** One vitest test that fuzzes the service `start` opens, within the run's options. */
export function describeFuzz(name: string, start: () => Promise<FuzzedService>) {
  const options = fuzzOptions(process.env);
  let service: FuzzedService | undefined;
  beforeAll(async () => {
    service = await start();
  });
  afterAll(async () => {
    await service?.close();
  });
  describe(`${name} fuzzed from its OpenAPI document`, () => {
    test(
      'no 5xx, no hang, every 4xx a problem, hostile input refused, no row written by a refused request',
      async () => {
        const target = service as FuzzedService;
        const doc = (await (await target.request('/openapi.json', {})).json()) as OpenApiDocument;
        const result = await fuzz(
          {
            doc,
            known: target.known,
            send: ({ method, url, headers, body }) => target.request(url, { method, headers, body }),
            credentials: () => target.credentials(),
            writes: await installWriteCounter(target.owner),
          },
          options,
        );
        console.info(`${name} fuzz: ${result.sent} requests, statuses ${JSON.stringify(result.statuses)}`);
        expect(result.sent).toBeGreaterThan(0);
      },
      options.timeBudgetMs + 120_000,
    );
  });
}

/** A credential issued again once it is `maxAgeMs` old, so that a long run never sends an expired one. */
export function refreshing(issue: () => Promise<string>, maxAgeMs: number): () => Promise<string> {
  let value = '';
  let issuedAt = Number.NEGATIVE_INFINITY;
  return async () => {
    if (Date.now() - issuedAt > maxAgeMs) {
      value = await issue();
      issuedAt = Date.now();
    }
    return value;
  };
}
