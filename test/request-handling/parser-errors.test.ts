import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSigningKey } from '@scc/bff';
import { PROBLEM_CONTENT_TYPE } from '@scc/contracts/problem';
import { afterAll, describe, expect, test } from 'vitest';
import { startCockpitProcess } from '../support/cockpit-process.js';
import { rawGet } from '../support/raw-http.js';
import { createServiceKeys } from '../support/service-tokens.js';

/**
 * The real processes, as `main.ts` starts them: a request Node's HTTP parser refuses before any
 * app sees it (header fields and URL over 16 KiB) is answered as problem+json with the security
 * headers, not with Node's bare status line.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function expectProblem431(url: string) {
  for (const [path, headers] of [
    ['/healthz', { 'x-padding': 'a'.repeat(20_000) }],
    [`/healthz?q=${'a'.repeat(20_000)}`, {}],
  ] as const) {
    const res = await rawGet(`${url}${path}`, headers);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, errors: [{ field: 'headers' }] });
  }
  // The same process serves what fits (control).
  expect((await rawGet(`${url}/healthz`)).status).toBe(200);
}

describe('over-long header fields and URLs', () => {
  test('the cockpit process answers 431 problem+json', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'scc-parser-errors-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const keys = await createServiceKeys();
    const cockpit = await startCockpitProcess({
      trustedKeys: [keys.publicJwk],
      env: { SCC_DATA_DIR: dataDir, SCC_WORKERS: '0', COCKPIT_HSTS: 'always' },
    });
    cleanups.push(() => cockpit.stop());
    await expectProblem431(cockpit.url);
  }, 120_000);

  test('the BFF process answers 431 problem+json', async () => {
    const widgetKey = await generateSigningKey('widget-parser-test');
    const serviceKey = await generateSigningKey('service-parser-test');
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BFF_|SCC_)/.test(key)));
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bff/src/main.ts')], {
      cwd: repoRoot,
      env: {
        ...inherited,
        BFF_PORT: '0',
        BFF_HOST: '127.0.0.1',
        SCC_BFF_PROCESSES: '1',
        BFF_WIDGET_SIGNING_KEY: JSON.stringify(widgetKey.privateJwk),
        BFF_SERVICE_SIGNING_KEY: JSON.stringify(serviceKey.privateJwk),
        BFF_HOST_APPLICATIONS: '[]',
        BFF_HSTS: 'always',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((done) => child.once('exit', done));
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await exited;
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    let url: string | undefined;
    for (let i = 0; i < 3600 && !url; i++) {
      url = /BFF listening on (http:\/\/[^\s"]+)/.exec(out)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 25));
    }
    expect(url, out).toBeDefined();
    await expectProblem431(url as string);
  }, 120_000);
});
