#!/usr/bin/env node
// The README's two commands land here (`npm start` / `npm test`, or the same with pnpm). It uses
// only Node built-ins because on a fresh machine nothing else is installed yet: it brings in
// pnpm and the dependencies, builds the widget when its sources changed, then starts or tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumCandidates } from './chromium.mjs';
import { supervise } from './supervise.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
const isWindows = process.platform === 'win32';

function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: isWindows, ...options });
  return result.status ?? 1;
}

function onPath(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore', shell: isWindows }).status === 0;
}

/** pnpm as a command plus leading arguments: a global install where allowed, otherwise through npx. */
function ensurePnpm() {
  if (onPath('pnpm')) return ['pnpm'];
  console.log('pnpm is missing: installing pnpm 10 with npm …');
  if (run('npm', ['install', '--global', 'pnpm@10']) === 0 && onPath('pnpm')) return ['pnpm'];
  if (run('npx', ['--yes', 'pnpm@10', '--version']) === 0) return ['npx', '--yes', 'pnpm@10'];
  fail('Could not install pnpm. Install it with `npm install --global pnpm@10` and run the command again.');
}

function runPnpm(pnpm, args, options) {
  return run(pnpm[0], [...pnpm.slice(1), ...args], options);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), info.mtimeMs);
}

function ensureDependencies(pnpm) {
  const marker = join(root, 'node_modules', '.pnpm', 'lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(root, 'pnpm-lock.yaml')).mtimeMs) return;
  console.log('Installing dependencies …');
  if (runPnpm(pnpm, ['install', '--frozen-lockfile']) !== 0) fail('Installing the dependencies failed (see above).');
}

function ensureWidgetBuilt(pnpm) {
  const bundle = join(root, 'widget', 'dist', 'service-control-center.js');
  const sources = Math.max(
    newestMtime(join(root, 'widget', 'src')),
    newestMtime(join(root, 'widget', 'vite.config.ts')),
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  console.log('Building the widget …');
  if (runPnpm(pnpm, ['--filter', '@scc/widget', 'build']) !== 0) fail('Building the widget failed (see above).');
}

/** The demo host's React page is bundled with React at build time (demo-host/react-page → dist). */
function ensureDemoHostBuilt(pnpm) {
  const bundle = join(root, 'demo-host', 'dist', 'react-page.js');
  const sources = Math.max(
    newestMtime(join(root, 'demo-host', 'react-page')),
    newestMtime(join(root, 'demo-host', 'package.json')),
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  console.log('Building the demo host’s React page …');
  if (runPnpm(pnpm, ['--filter', '@scc/demo-host', 'build']) !== 0) fail('Building the demo host failed (see above).');
}

/** CHROME_PATH first, then the usual places; on Debian as root, install Debian's chromium. */
function findChromium() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    fail(`CHROME_PATH points to ${process.env.CHROME_PATH}, which does not exist.`);
  }
  const found = chromiumCandidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version')) {
    console.log('Chromium is missing: installing Debian’s chromium package …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (
      run('apt-get', ['update', '-qq'], { env }) === 0 &&
      run('apt-get', ['install', '-y', '-qq', 'chromium'], { env }) === 0
    ) {
      if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
    }
  }
  fail(
    'No Chromium found: install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome or Chromium binary.',
  );
}

function runCapturing(pnpm, args, env) {
  return new Promise((resolve) => {
    const child = spawn(pnpm[0], [...pnpm.slice(1), ...args], {
      cwd: root,
      env,
      shell: isWindows,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function test(pnpm) {
  const chrome = findChromium();
  const env = { ...process.env, CHROME_PATH: chrome };
  const artifacts = join(root, '.test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  const engine = env.DATABASE_URL ? `PostgreSQL server (${new URL(env.DATABASE_URL).host})` : 'PGlite';
  // SCC_TEST_SCOPE=engine: only the tests whose outcome depends on the database engine (CI's second
  // run, on the server, after the whole suite ran once): the widget's own suite never touches a
  // database, and the browser journeys ran against the whole stack already.
  const engineOnly = env.SCC_TEST_SCOPE === 'engine';
  console.log(`Running ${engineOnly ? 'the engine-dependent' : 'all'} tests on ${engine} with ${chrome}`);
  ensureDemoHostBuilt(pnpm);

  const widget = engineOnly
    ? { code: 0, output: '0 passed, 0 failed' }
    : await runCapturing(pnpm, ['--filter', '@scc/widget', 'test'], env);
  const widgetCounts = [...widget.output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);

  const report = join(artifacts, 'vitest.json');
  const projects = engineOnly ? ['--project', 'unit', '--project', 'processes'] : [];
  const vitest = await runCapturing(
    pnpm,
    ['exec', 'vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  let unitPassed = 0;
  let unitFailed = vitest.code === 0 ? 0 : 1;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    unitPassed = json.numPassedTests;
    unitFailed = Math.max(json.numFailedTests, vitest.code === 0 ? 0 : 1);
  }
  const passed = unitPassed + Number(widgetCounts?.[1] ?? 0);
  const failed =
    unitFailed + (widget.code === 0 ? Number(widgetCounts?.[2] ?? 0) : Math.max(1, Number(widgetCounts?.[2] ?? 1)));
  writeFileSync(join(artifacts, 'summary.txt'), `${passed} passed, ${failed} failed\n`);
  console.log(`\nvitest: ${unitPassed} passed; widget (Chromium): ${widgetCounts?.[1] ?? 0} passed`);
  console.log(`Tests: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && vitest.code === 0 && widget.code === 0 ? 0 : 1);
}

/** Runs the demo stack under a supervisor that restarts it after a crash (scripts/supervise.mjs). */
function start(pnpm) {
  ensureWidgetBuilt(pnpm);
  ensureDemoHostBuilt(pnpm);
  const supervisor = supervise({
    name: 'Service Control Center',
    start: () => spawn(process.execPath, ['--import', 'tsx', 'stack/src/main.ts'], { cwd: root, stdio: 'inherit' }),
  });
  // Ctrl-C reaches both processes through the terminal; the child shuts down cleanly and we follow.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => supervisor.stop(signal));
}

/** `pnpm bench [name …]`: every `test/bench/*.bench.ts`, or only those whose names are given. */
function bench(pnpm) {
  ensureWidgetBuilt(pnpm);
  const wanted = process.argv.slice(3);
  const files = readdirSync(join(root, 'test/bench'))
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
    .sort();
  if (files.length === 0) fail(`no benchmark named ${wanted.join(', ')}`);
  for (const file of files) {
    console.log(`\n## ${file}`);
    const code = run(process.execPath, ['--import', 'tsx', join('test/bench', file)]);
    if (code !== 0) process.exit(code);
  }
}

const pnpm = ensurePnpm();
ensureDependencies(pnpm);
if (command === 'start') start(pnpm);
else if (command === 'test') await test(pnpm);
else if (command === 'bench') bench(pnpm);
else fail('usage: node scripts/run.mjs start|test|bench');
