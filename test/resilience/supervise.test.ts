import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { type SupervisedChild, type SuperviseOptions, supervise } from '../../scripts/supervise.mjs';

/** A child process stand-in: the test decides when and how it exits. */
class FakeChild extends EventEmitter implements SupervisedChild {
  signals: NodeJS.Signals[] = [];
  kill(signal: NodeJS.Signals = 'SIGTERM') {
    this.signals.push(signal);
    return true;
  }
  exit(code: number | null, signal: NodeJS.Signals | null = null) {
    this.emit('exit', code, signal);
  }
}

/** `supervise` on fake children, a fake clock and timers that run only when the test says so. */
function supervised(options: Partial<SuperviseOptions> = {}) {
  const children: FakeChild[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const log: string[] = [];
  const exits: number[] = [];
  let now = 0;
  const handle = supervise({
    name: 'the stack',
    start: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    minUptimeMs: 30_000,
    maxFastCrashes: 3,
    initialDelayMs: 1000,
    maxDelayMs: 4000,
    killAfterMs: 15_000,
    log: (line) => log.push(line),
    exit: (code) => exits.push(code),
    now: () => now,
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
    ...options,
  });
  const current = () => {
    const child = children.at(-1);
    if (!child) throw new Error('no child started');
    return child;
  };
  /** Runs the timers due so far, as the event loop would; returns their delays. */
  const runTimers = () => {
    const due = timers.splice(0).filter((t) => !t.cleared);
    for (const timer of due) timer.fn();
    return due.map((t) => t.ms);
  };
  /** The current child crashes `times` times, each time restarted once its pause is over. */
  const crashRepeatedly = (times: number) => {
    const pauses: number[] = [];
    for (let i = 0; i < times; i++) {
      current().exit(1);
      pauses.push(...runTimers());
    }
    return pauses;
  };
  return {
    handle,
    children,
    log,
    exits,
    current,
    runTimers,
    crashRepeatedly,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('supervise', () => {
  test('a crash restarts the child after a pause that doubles with each crash in a row', () => {
    const s = supervised({ maxFastCrashes: 10 });
    expect(s.children).toHaveLength(1);
    expect(s.crashRepeatedly(4)).toEqual([1000, 2000, 4000, 4000]);
    expect(s.children).toHaveLength(5);
    expect(s.exits).toEqual([]);
    expect(s.log[0]).toBe('[supervisor] the stack exited with code 1; restarting in 1 s (crash 1 of 10 in a row)');
    s.current().exit(null, 'SIGKILL');
    expect(s.log.at(-1)).toBe(
      '[supervisor] the stack was killed by SIGKILL; restarting in 4 s (crash 5 of 10 in a row)',
    );
  });

  test('gives up with exit code 1 after the given number of fast crashes in a row', () => {
    const s = supervised();
    expect(s.crashRepeatedly(3)).toEqual([1000, 2000]);
    expect(s.children).toHaveLength(3);
    expect(s.exits).toEqual([1]);
    expect(s.log.at(-1)).toBe(
      '[supervisor] the stack exited with code 1: 3 crashes in a row, each within 30 s of starting. Giving up; see the errors above.',
    );
  });

  test('a child that ran for a while before crashing starts the count and the pause over', () => {
    const s = supervised();
    expect(s.crashRepeatedly(2)).toEqual([1000, 2000]);
    s.advance(30_000);
    expect(s.crashRepeatedly(1)).toEqual([1000]);
    expect(s.log.at(-1)).toMatch(/crash 1 of 3 in a row/);
    expect(s.crashRepeatedly(1)).toEqual([2000]);
    expect(s.exits).toEqual([]);
    expect(s.children).toHaveLength(5);
  });

  test('a clean exit ends the supervisor with 0 and starts nothing', () => {
    const s = supervised();
    s.current().exit(0);
    expect(s.runTimers()).toEqual([]);
    expect(s.exits).toEqual([0]);
    expect(s.children).toHaveLength(1);
  });

  test('our own SIGTERM is passed on; the child’s exit then ends the supervisor, whatever its code', () => {
    const s = supervised();
    s.handle.stop('SIGTERM');
    expect(s.current().signals).toEqual(['SIGTERM']);
    s.current().exit(1);
    expect(s.exits).toEqual([1]);
    expect(s.children).toHaveLength(1);
    expect(s.log).toEqual([]);
  });

  test('a child that does not stop in time gets SIGKILL', () => {
    const s = supervised();
    s.handle.stop('SIGINT');
    expect(s.runTimers()).toEqual([15_000]);
    expect(s.current().signals).toEqual(['SIGINT', 'SIGKILL']);
    s.current().exit(null, 'SIGKILL');
    expect(s.exits).toEqual([0]);
    expect(s.children).toHaveLength(1);
  });

  test('a stop during the pause before a restart ends at once, without starting another child', () => {
    const s = supervised();
    s.current().exit(1);
    s.handle.stop('SIGINT');
    expect(s.exits).toEqual([0]);
    expect(s.runTimers()).toEqual([]);
    expect(s.children).toHaveLength(1);
  });

  test('restarts real processes until one ends cleanly', async () => {
    const codes = [3, 7, 0];
    const started: number[] = [];
    const exitCode = await new Promise<number>((resolve) => {
      supervise({
        start: () => {
          const code = codes[started.length] ?? 0;
          started.push(code);
          return spawn(process.execPath, ['-e', `process.exit(${code})`], { stdio: 'ignore' });
        },
        initialDelayMs: 5,
        log: () => {},
        exit: resolve,
      });
    });
    expect(exitCode).toBe(0);
    expect(started).toEqual([3, 7, 0]);
  });
});
