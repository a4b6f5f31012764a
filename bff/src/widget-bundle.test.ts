import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffKeys, createBffKeys, expectProblem } from '../../test/support/bff-harness.js';
import { createBffApp } from './app.js';

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

describe('GET /widget/<chunk>.js', () => {
  const CHUNK = 'import { html } from "./service-control-center.js";\nexport const admin = html``;\n';
  let dist: string;
  let app: ReturnType<typeof bffServing>;

  beforeAll(async () => {
    // dist/ holds the entry and a chunk; beside dist/ lies a file that must never be reachable.
    dist = join(dir, 'chunks', 'dist');
    await mkdir(join(dist, 'nested'), { recursive: true });
    await writeFile(join(dist, 'service-control-center.js'), SOURCE);
    await writeFile(join(dist, 'admin.B8mdua8c.js'), CHUNK);
    await writeFile(join(dist, 'admin.B8mdua8c.js.map'), '{}');
    await writeFile(join(dist, 'nested', 'inner.Zx81_-aQ.js'), CHUNK);
    await writeFile(join(dir, 'chunks', 'secret.Zx81_-aQ.js'), 'secret');
    app = bffServing(join(dist, 'service-control-center.js'));
  });

  it("serves a chunk from the entry's folder, CORS-loadable and cached for good", async () => {
    const res = await app.request('/widget/admin.B8mdua8c.js', { headers: { origin: 'https://any-site.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript\b/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(CHUNK);

    const again = await app.request('/widget/admin.B8mdua8c.js', {
      headers: { 'if-none-match': res.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('keeps the entry on its short, revalidated caching', async () => {
    const res = await app.request(BUNDLE_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.text()).toBe(SOURCE);
  });

  it.each([
    ['an unknown chunk', '/widget/operations.DxdgrGgD.js'],
    ['a file without a content hash', '/widget/bundle.js'],
    ['a source map', '/widget/admin.B8mdua8c.js.map'],
    ['an encoded ../', '/widget/..%2Fsecret.Zx81_-aQ.js'],
    ['an encoded ../ with dots encoded too', '/widget/%2E%2E%2Fsecret.Zx81_-aQ.js'],
    ['a ../ the URL resolves', '/widget/../secret.Zx81_-aQ.js'],
    ['a file in a subfolder', '/widget/nested%2Finner.Zx81_-aQ.js'],
    ['a subfolder path', '/widget/nested/inner.Zx81_-aQ.js'],
  ])('answers 404 problem+json to %s', async (_what, url) => {
    const res = await app.request(url);
    const body = await expectProblem(res, 404);
    expect(JSON.stringify(body)).not.toContain(dir);
  });

  it('needs no widget token', async () => {
    const res = await app.request('/widget/admin.B8mdua8c.js', { headers: { authorization: 'Bearer nonsense' } });
    expect(res.status).toBe(200);
  });
});
