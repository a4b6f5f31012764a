import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { isRunning, launch } from '../../test/processes/launch.js';

const processes = resolve(dirname(fileURLToPath(import.meta.url)), 'processes.ts');
const dir = mkdtempSync(join(tmpdir(), 'scc-process-group-'));

/** A copy: answers its pid on the shared port, or ends with 1 before listening when told to. */
const copy = join(dir, 'copy.mjs');
writeFileSync(
  copy,
  `import { createServer } from 'node:http';
  if (process.env.FAIL_AT_START) process.exit(1);
  const server = createServer((req, res) => res.writeHead(200, { connection: 'close' }).end(String(process.pid))).listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => process.exit(0)));`,
);
/** The primary: a group of two copies; one line per event the test waits for. */
const primary = join(dir, 'primary.mjs');
writeFileSync(
  primary,
  `import cluster from 'node:cluster';
  const { onStopSignal, startProcessGroup } = await import(${JSON.stringify(processes)});
  const group = startProcessGroup({ name: 'probe', count: 2, exec: ${JSON.stringify(copy)}, env: { PORT: process.env.PORT }, log: (line) => console.log(line) });
  cluster.on('listening', () => console.log('pids ' + JSON.stringify(group.pids())));
  group.listening.then((port) => console.log('listening ' + port), () => {});
  onStopSignal(() => group.stop());
  group.ended.then((code) => process.exit(code));`,
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startProcessGroup', () => {
  test('copies share one port; a crashed copy is replaced; SIGTERM ends them all and the primary with 0', async () => {
    // Port 0: the copies of one group get the same free port.
    const group = launch(primary, { PORT: '0' });
    const port = (await group.waitFor(/listening (\d+)/))[1];
    const first = JSON.parse((await group.waitFor(/pids (\[\d+,\d+\])/))[1] as string) as number[];
    const answered = new Set<string>();
    for (let i = 0; i < 20 && answered.size < 2; i++) {
      answered.add(await (await fetch(`http://127.0.0.1:${port}/`)).text());
    }
    expect([...answered].map(Number).sort()).toEqual([...first].sort());

    const [crashed, survivor] = first as [number, number];
    process.kill(crashed, 'SIGKILL');
    const [, pids] = await group.waitFor(
      new RegExp(
        `probe process ${crashed} was killed by SIGKILL; starting a new one\n(?:.*\n)*?pids (\\[\\d+,\\d+\\])`,
      ),
    );
    const replaced = JSON.parse(pids as string) as number[];
    expect(replaced).toContain(survivor);
    expect(replaced).not.toContain(crashed);

    expect(await group.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(replaced.filter(isRunning)).toEqual([]);
  }, 60_000);

  test('a copy that ends before it listened stops the group, and the primary ends with 1', async () => {
    const group = launch(primary, { PORT: '0', FAIL_AT_START: '1' });
    expect(await group.exited).toEqual({ code: 1, signal: null });
    expect(group.output()).toMatch(/probe process \d+ exited with code 1 before it listened/);
  }, 60_000);
});
