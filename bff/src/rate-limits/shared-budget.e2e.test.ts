import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BffKeys, createBffKeys, issueWidgetToken } from '../../../test/support/bff-harness.js';

const bffMain = fileURLToPath(new URL('../main.ts', import.meta.url));
const BUDGET = 4;

let keys: BffKeys;
let bff: ChildProcess;
let port: number;

/**
 * `bff/src/main.ts` as in production, two processes on one port, without Redis: the first
 * process keeps the counters. The cockpit is unreachable, so every request let through answers
 * 503 at once and only the limits decide between 503 and 429.
 */
beforeAll(async () => {
  keys = await createBffKeys();
  bff = spawn(process.execPath, ['--import', 'tsx', bffMain], {
    env: {
      PATH: process.env.PATH ?? '',
      BFF_PORT: '0',
      SCC_BFF_PROCESSES: '2',
      COCKPIT_URL: 'http://127.0.0.1:9',
      BFF_PUBLIC_URL: 'https://bff.scc.test',
      BFF_WIDGET_SIGNING_KEY: JSON.stringify(keys.widgetKey.privateJwk),
      BFF_SERVICE_SIGNING_KEY: JSON.stringify(keys.serviceKey.privateJwk),
      BFF_HOST_APPLICATIONS: JSON.stringify([keys.mspHost.entry]),
      BFF_RATE_LIMIT_WIDGET_PER_USER: `${BUDGET}/60`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  bff.stdout?.on('data', collect);
  // Warnings (each 429 is one) are expected; they show only when the BFF fails to start.
  bff.stderr?.on('data', collect);
  const exited = once(bff, 'exit').then(() => {
    throw new Error(`the BFF ended before it listened:\n${output}`);
  });
  const listening = (async () => {
    for (;;) {
      const found = /2 processes listening on port (\d+)/.exec(output)?.[1];
      if (found) return Number(found);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  port = await Promise.race([listening, exited]);
});

afterAll(async () => {
  if (bff && bff.exitCode === null) {
    const ended = once(bff, 'exit');
    bff.kill('SIGTERM');
    await ended;
  }
});

/** A request on a connection of its own: the cluster hands each new connection to the next process. */
function statusOf(token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        port,
        host: '127.0.0.1',
        path: '/v1/widget/session',
        agent: false,
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.once('error', reject);
    req.end();
  });
}

describe('two BFF processes without Redis', () => {
  it('spend one budget per user: each process alone would have let the whole budget through', async () => {
    const token = await issueWidgetToken(keys);
    const answers: number[] = [];
    for (let i = 0; i < 2 * BUDGET; i++) answers.push(await statusOf(token));
    expect(answers).toEqual([...Array(BUDGET).fill(503), ...Array(BUDGET).fill(429)]);
  });
});
