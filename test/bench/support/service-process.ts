import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A part started as its own Node process, the way it runs in production. */
export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `script` (relative to the repository) with tsx and only the given environment plus PATH,
 * and resolves once it prints `<name> listening on <url>`.
 */
export function startServiceProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  options: { listening?: RegExp; timeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(repoRoot, script)], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  const pattern = options.listening ?? /listening on (http:\/\/[^\s)"]+)/;
  return new Promise((resolvePromise, reject) => {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    const poll = setInterval(() => {
      const url = pattern.exec(output)?.[1];
      if (url) {
        clearInterval(poll);
        resolvePromise({ name, url, child, output: () => output, stop });
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        void stop().then(() => reject(new Error(`${name} did not start:\n${output}`)));
      }
    }, 50);
  });
}
