import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const logModule = fileURLToPath(new URL('./log.ts', import.meta.url));

/** Runs `body` in a fresh Node process with `createLogger` imported, as a service would. */
function run(body: string) {
  const script = `import { createLogger } from ${JSON.stringify(logModule)};\nconst log = createLogger('probe');\n${body}`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  const lines = (text: string) =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: string; msg: string });
  return { status: child.status, stdout: lines(child.stdout), stderr: lines(child.stderr) };
}

describe('the JSON-lines log', () => {
  test('information lines of one turn arrive whole and in order', () => {
    const { stdout } = run(`for (let i = 0; i < 3; i++) log.info('line ' + i);`);
    expect(stdout.map((e) => e.msg)).toEqual(['line 0', 'line 1', 'line 2']);
  });

  test('lines still waiting for the end of the turn are written when the process exits at once', () => {
    const { status, stdout } = run(`log.info('before the exit'); log.info('right before'); process.exit(3);`);
    expect(status).toBe(3);
    expect(stdout.map((e) => e.msg)).toEqual(['before the exit', 'right before']);
  });

  test('an error goes to stderr after the information that led up to it was written', () => {
    const { stdout, stderr } = run(
      `log.info('step one'); log.error('failed'); process.stdout.write('{"level":"marker","msg":"after"}\\n');`,
    );
    expect(stdout.map((e) => e.msg)).toEqual(['step one', 'after']);
    expect(stderr.map((e) => e.msg)).toEqual(['failed']);
  });
});
