import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describeError } from './fail-fast.js';
import { isTransientConnectionError, retryWithBackoff } from './retry.js';

const failFast = resolve(dirname(fileURLToPath(import.meta.url)), 'fail-fast.ts');

/** Runs `body` in a fresh Node process after `exitOnUncaughtErrors('probe')`; returns how it ended. */
function runGuarded(body: string) {
  const script = `const { exitOnUncaughtErrors } = await import(${JSON.stringify(failFast)});
    exitOnUncaughtErrors('probe');
    ${body}`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderrLines: result.stderr.split('\n').filter(Boolean) };
}

describe('exitOnUncaughtErrors', () => {
  test('an exception thrown from a callback is logged in one line and ends the process with 1 at once', () => {
    const run = runGuarded(`
      setImmediate(() => { const socket = null; socket.write('x'); });
      setTimeout(() => console.log('still running'), 2000);`);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('still running');
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toMatch(
      /^probe: uncaught exception, exiting: TypeError: Cannot read properties of null \(reading 'write'\) \(at /,
    );
  });

  test('a rejection nobody handles does the same, naming its cause', () => {
    const run = runGuarded(`
      Promise.reject(new Error('migration failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
      setTimeout(() => console.log('still running'), 2000);`);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('still running');
    expect(run.stderrLines).toEqual([
      expect.stringMatching(
        /^probe: unhandled rejection, exiting: Error: migration failed; caused by Error: connect ECONNREFUSED \(at /,
      ),
    ]);
  });
});

describe('describeError', () => {
  test('one line with the causes and where it was thrown', () => {
    const error = new Error('first line\nsecond line', { cause: 'plain cause' });
    const line = describeError(error);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^Error: first line second line; caused by plain cause \(at .*lifecycle\.test\.ts/);
    expect(describeError('just text')).toBe('just text');
  });
});

describe('isTransientConnectionError', () => {
  test.each([
    ['a refused connection', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), true],
    ['postgres.js giving up on connecting', Object.assign(new Error('timeout'), { code: 'CONNECT_TIMEOUT' }), true],
    ['a server still starting', Object.assign(new Error('starting up'), { code: '57P03' }), true],
    ['a connection exception (class 08)', Object.assign(new Error('x'), { code: '08006' }), true],
    [
      'a refusal wrapped by drizzle',
      new Error('Failed query', { cause: Object.assign(new Error('r'), { code: 'ECONNREFUSED' }) }),
      true,
    ],
    ['a missing table', Object.assign(new Error('relation does not exist'), { code: '42P01' }), false],
    ['a permission error', Object.assign(new Error('permission denied'), { code: '42501' }), false],
    ['an error without code', new Error('boom'), false],
  ])('%s: %s', (_name, error, transient) => {
    expect(isTransientConnectionError(error)).toBe(transient);
  });
});

describe('retryWithBackoff', () => {
  /** A clock that only moves when the retry sleeps. */
  function fakeTime() {
    let now = 0;
    const pauses: number[] = [];
    return {
      pauses,
      now: () => now,
      sleep: async (ms: number) => {
        pauses.push(ms);
        now += ms;
      },
    };
  }
  const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  /** An attempt that always fails with `error()`, counting its calls. */
  const alwaysFailing = (error: () => Error) => {
    const counted = {
      attempts: 0,
      attempt: async () => {
        counted.attempts++;
        throw error();
      },
    };
    return counted;
  };

  test('retries refusals with doubling pauses, one log line each, until it succeeds', async () => {
    const time = fakeTime();
    const lines: string[] = [];
    let attempts = 0;
    const result = await retryWithBackoff(
      'cockpit: migrating',
      async () => {
        attempts++;
        if (attempts < 5) throw refused();
        return 'migrated';
      },
      { timeoutMs: 60_000, initialDelayMs: 250, maxDelayMs: 1000, log: (l) => lines.push(l), ...time },
    );
    expect(result).toBe('migrated');
    expect(attempts).toBe(5);
    expect(time.pauses).toEqual([250, 500, 1000, 1000]);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^cockpit: migrating failed \(Error: connect ECONNREFUSED .*\); retry 1 in 0\.3 s$/);
    expect(lines[3]).toMatch(/; retry 4 in 1 s$/);
  });

  test('gives up with the last error once the time is up, never sleeping past it', async () => {
    const time = fakeTime();
    const failing = alwaysFailing(refused);
    const retried = retryWithBackoff('worker: connecting', failing.attempt, {
      timeoutMs: 2000,
      initialDelayMs: 500,
      log: () => {},
      ...time,
    });
    await expect(retried).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(time.pauses).toEqual([500, 1000, 500]);
    expect(failing.attempts).toBe(4);
  });

  test('an error that is not about the connection is thrown at once', async () => {
    const time = fakeTime();
    const failing = alwaysFailing(() =>
      Object.assign(new Error('permission denied for schema public'), { code: '42501' }),
    );
    const retried = retryWithBackoff('cockpit: migrating', failing.attempt, {
      timeoutMs: 60_000,
      log: () => {},
      ...time,
    });
    await expect(retried).rejects.toThrow('permission denied');
    expect(failing.attempts).toBe(1);
    expect(time.pauses).toEqual([]);
  });
});
