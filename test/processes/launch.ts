import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSRF_HEADER } from '@scc/demo-host';
import type { JWK } from 'jose';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A process of ours started with `node --import tsx <entry>`, its output kept for the test to read. */
export interface Launched {
  child: ChildProcess;
  output(): string;
  /** The first match of `pattern` in the output; rejects with the output when the process ends or the time runs out first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` (default SIGTERM) and resolves with how it ended. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `entry` (a path from the repository root, or an absolute one) with only PATH-like settings of this process plus `env`. */
export function launch(entry: string, env: Record<string, string>): Launched {
  // Nothing of the test run's own configuration (DATABASE_URL, SCC_*, ports) leaks in.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(DATABASE_|SCC_|COCKPIT_|BFF_|DEMO_HOST_|PG)/.test(key)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const append = (chunk: Buffer) => {
    out += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    exited,
    output: () => out,
    async waitFor(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(out);
        if (match) return match;
        if (!alive() || Date.now() > deadline) {
          throw new Error(`${entry} ${alive() ? 'did not print' : 'ended before printing'} ${pattern}:\n${out}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (alive()) child.kill(signal);
      return exited;
    },
  };
}

/** A BFF process (`bff/src/main.ts`) on a free port, resolved once it listens. */
export async function launchBff(settings: {
  cockpitUrl: string;
  publicUrl: string;
  widgetKey: JWK;
  serviceKey: JWK;
  hosts: object[];
  processes?: number;
}): Promise<Launched & { url: string }> {
  const bff = launch('bff/src/main.ts', {
    BFF_PORT: '0',
    BFF_HOST: '127.0.0.1',
    BFF_PUBLIC_URL: settings.publicUrl,
    COCKPIT_URL: settings.cockpitUrl,
    BFF_WIDGET_SIGNING_KEY: JSON.stringify(settings.widgetKey),
    BFF_SERVICE_SIGNING_KEY: JSON.stringify(settings.serviceKey),
    BFF_HOST_APPLICATIONS: JSON.stringify(settings.hosts),
    SCC_BFF_PROCESSES: String(settings.processes ?? 1),
  });
  try {
    const [, url] = await bff.waitFor(/BFF listening on (http:\/\/[^\s"]+)/);
    return { ...bff, url: url as string };
  } catch (error) {
    await bff.stop('SIGKILL');
    throw error;
  }
}

/** The node processes whose parent is `pid` and whose command line names `entry`. */
export function childProcesses(pid: number, entry: string): number[] {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    // ps exits with 1 when there is no such process.
  }
  return listing
    .split('\n')
    .filter((line) => line.includes(entry))
    .map((line) => Number.parseInt(line.trim(), 10));
}

/** Is there a process with this id? */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signs a persona in at the demo host and asks it for a widget token, as the demo page does. */
export async function widgetTokenFromDemoHost(demoHost: string, persona: string): Promise<string> {
  const signIn = await fetch(`${demoHost}/sign-in`, {
    method: 'POST',
    headers: { origin: demoHost, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ persona }),
    redirect: 'manual',
  });
  if (signIn.status !== 303) throw new Error(`sign-in answered ${signIn.status}: ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
  const embed = await fetch(`${demoHost}/api/embed-session`, {
    method: 'POST',
    headers: { origin: demoHost, cookie, [CSRF_HEADER]: 'fetch' },
  });
  if (embed.status !== 200) throw new Error(`embed session answered ${embed.status}: ${await embed.text()}`);
  return ((await embed.json()) as { token: string }).token;
}
