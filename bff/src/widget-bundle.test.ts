import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBffApp } from './app.js';
import { type BffKeys, createBffKeys, expectProblem } from './testing/harness.js';

const BUNDLE_URL = '/widget/service-control-center.js';
const SOURCE = 'export class ServiceControlCenter extends HTMLElement {}\n';

let dir: string;
let keys: BffKeys;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scc-bundle-'));
  keys = await createBffKeys();
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const bffServing = (widgetBundlePath: string) =>
  createBffApp({
    hosts: keys.registry,
    tokens: keys.tokens,
    cockpit: {
      baseUrl: 'http://cockpit.internal',
      serviceKey: keys.serviceKey,
      fetch: async () => new Response('the bundle never needs the cockpit', { status: 500 }),
    },
    widgetBundlePath,
  });

describe('GET /widget/service-control-center.js', () => {
  it('serves the bundle as a CORS-loadable JavaScript module with an ETag', async () => {
    const path = join(dir, 'bundle.js');
    await writeFile(path, SOURCE);
    const res = await bffServing(path).request(BUNDLE_URL, { headers: { origin: 'https://any-site.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript\b/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(await res.text()).toBe(SOURCE);
  });

  it('answers 304 without a body to a matching if-none-match, 200 to a stale one', async () => {
    const path = join(dir, 'cached.js');
    await writeFile(path, SOURCE);
    const app = bffServing(path);
    const etag = (await app.request(BUNDLE_URL)).headers.get('etag');
    expect(etag).toBeTruthy();

    const fresh = await app.request(BUNDLE_URL, { headers: { 'if-none-match': etag ?? '' } });
    expect(fresh.status).toBe(304);
    expect(fresh.headers.get('etag')).toBe(etag);
    expect(await fresh.text()).toBe('');

    const stale = await app.request(BUNDLE_URL, { headers: { 'if-none-match': '"something-else"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(SOURCE);
  });

  it('picks up a rebuilt bundle with a new ETag', async () => {
    const path = join(dir, 'rebuilt.js');
    await writeFile(path, SOURCE);
    const app = bffServing(path);
    const before = (await app.request(BUNDLE_URL)).headers.get('etag');

    const rebuilt = `${SOURCE}customElements.define('service-control-center', ServiceControlCenter);\n`;
    await writeFile(path, rebuilt);
    // A distinct modification time, whatever the file system's timestamp resolution.
    await utimes(path, new Date(2030, 0, 1), new Date(2030, 0, 1));

    const res = await app.request(BUNDLE_URL, { headers: { 'if-none-match': before ?? '' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(before);
    expect(await res.text()).toBe(rebuilt);
  });

  it('answers 404 problem+json when the bundle has not been built', async () => {
    const res = await bffServing(join(dir, 'missing', 'bundle.js')).request(BUNDLE_URL);
    const body = await expectProblem(res, 404);
    expect(JSON.stringify(body)).not.toContain(dir);
  });

  it('needs no widget token', async () => {
    const path = join(dir, 'public.js');
    await writeFile(path, SOURCE);
    const res = await bffServing(path).request(BUNDLE_URL, { headers: { authorization: 'Bearer nonsense' } });
    expect(res.status).toBe(200);
  });
});
