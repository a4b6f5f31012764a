#!/usr/bin/env node
// CI's size gate for the widget, in the spirit of lit's size check. Hosts load the entry on every
// page and the lazy chunks when a caller needs them, so:
// - budgets: the entry (with anything it imports statically) ≤ 25.5 KB gzip, since every host page
//   pays for it (25 KB until the view switch to the billing and data-source screens); each lazy
//   chunk ≤ 24 KB gzip, since one click on a screen pays for its chunk (uPlot, the billing screens'
//   charting library, is a chunk of its own); everything the widget ships to browsers
//   (every `.js` in widget/dist) ≤ 120 KB gzip; and lit bundled once, in the entry. The total grew
//   from 60 KB when transports and billing brought screens that only some callers ever open;
// - a byte-exact record, widget/size-record.json (raw and gzip bytes per file): the build must match
//   it, so every change in size shows up in review. After a change to the widget:
//     pnpm build && node scripts/size-gate.mjs --update
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGET = { entryGzip: 25.5 * KB, chunkGzip: 24 * KB, totalGzip: 120 * KB };
const ENTRY = 'service-control-center.js';
// lit-html registers its version on globalThis under this name; a second copy would do it again.
const LIT_MARKER = 'litHtmlVersions';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'widget/dist');
const recordFile = join(root, 'widget/size-record.json');
const update = process.argv.includes('--update');

if (!existsSync(join(dist, ENTRY))) {
  console.error(`widget bundle: ${ENTRY} not found in ${dist} (run pnpm build)`);
  process.exit(1);
}
const contents = new Map(
  readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => [name, readFileSync(join(dist, name))]),
);
/** Raw and gzip bytes per file, by name: what the record holds. */
const files = Object.fromEntries(
  [...contents].map(([name, raw]) => [name, { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length }]),
);

/** Files `name` imports statically (`import … from "./x.js"`, `export … from`, `import "./x.js"`), not `import()`. */
const staticImports = (name) =>
  [
    ...contents
      .get(name)
      .toString('utf8')
      .matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']\.\/([^"']+)["']/g),
  ]
    .map((match) => match[1])
    .filter((dep) => contents.has(dep));

const entryFiles = new Set([ENTRY]);
for (const name of entryFiles) for (const dep of staticImports(name)) entryFiles.add(dep);
const sum = (names, key) => names.reduce((total, name) => total + files[name][key], 0);
const entry = { raw: sum([...entryFiles], 'raw'), gzip: sum([...entryFiles], 'gzip') };
const total = { raw: sum(Object.keys(files), 'raw'), gzip: sum(Object.keys(files), 'gzip') };

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const line = (label, { raw, gzip }) =>
  `${label.padEnd(40)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(6)} B gzip (${kb(gzip)})`;
console.log(`${line(`entry ${[...entryFiles].join(' + ')}`, entry)}  budget ${kb(BUDGET.entryGzip)}`);
const lazyFiles = Object.keys(files).filter((n) => !entryFiles.has(n));
for (const name of lazyFiles) console.log(`${line(`lazy ${name}`, files[name])}  budget ${kb(BUDGET.chunkGzip)}`);
console.log(`${line('total', total)}  budget ${kb(BUDGET.totalGzip)}`);

const failures = [];
if (entry.gzip > BUDGET.entryGzip) failures.push(`the entry is ${entry.gzip} B gzip, over ${BUDGET.entryGzip} B`);
for (const name of lazyFiles.filter((n) => files[n].gzip > BUDGET.chunkGzip)) {
  failures.push(`the lazy chunk ${name} is ${files[name].gzip} B gzip, over ${BUDGET.chunkGzip} B`);
}
if (total.gzip > BUDGET.totalGzip)
  failures.push(`the widget is ${total.gzip} B gzip in all, over ${BUDGET.totalGzip} B`);
const withLit = [...contents].filter(([, raw]) => raw.includes(LIT_MARKER)).map(([name]) => name);
if (withLit.length !== 1 || !entryFiles.has(withLit[0])) {
  failures.push(`lit must be bundled once, with the entry; found in: ${withLit.join(', ') || 'none'}`);
}

const record = { entry, total, files };
if (update) {
  writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`widget bundle: wrote ${recordFile}`);
} else {
  const recorded = existsSync(recordFile) ? JSON.parse(readFileSync(recordFile, 'utf8')) : { files: {} };
  const names = [...new Set([...Object.keys(recorded.files ?? {}), ...Object.keys(files)])].sort();
  const describe = (size) => (size ? `${size.raw} B raw, ${size.gzip} B gzip` : 'absent');
  for (const name of names) {
    const was = recorded.files?.[name];
    const now = files[name];
    if (was?.raw !== now?.raw || was?.gzip !== now?.gzip) {
      failures.push(`${name}: recorded ${describe(was)}, built ${describe(now)}`);
    }
  }
  if (failures.some((f) => f.includes(': recorded '))) {
    failures.push('the build differs from widget/size-record.json: pnpm build && node scripts/size-gate.mjs --update');
  }
}

for (const failure of failures) console.log(`widget bundle: ${failure}`);
console.log(failures.length ? 'widget bundle: FAILED' : 'widget bundle: ok');
process.exit(failures.length ? 1 : 0);
