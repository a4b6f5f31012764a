#!/usr/bin/env node
// CI's size gate for the widget bundle, in the spirit of lit's: hosts load the entry on every page.
// The entry (with anything it imports statically) and each lazy chunk must stay within the limit,
// and lit must be bundled once: the chunks import it from the entry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT_GZIP_BYTES = 25 * 1024;
const ENTRY = 'service-control-center.js';
// lit-html registers its version on globalThis under this name; a second copy would do it again.
const LIT_MARKER = 'litHtmlVersions';

const dist = join(fileURLToPath(new URL('..', import.meta.url)), 'widget/dist');
const files = new Map(
  readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const raw = readFileSync(join(dist, name));
      return [name, { raw, gzip: gzipSync(raw, { level: 9 }).length }];
    }),
);
if (!files.has(ENTRY)) {
  console.error(`widget bundle: ${ENTRY} not found in ${dist} (run pnpm build)`);
  process.exit(1);
}

/** Files `name` imports statically (`import … from "./x.js"`, `export … from`, `import "./x.js"`), not `import()`. */
const staticImports = (name) =>
  [
    ...files
      .get(name)
      .raw.toString('utf8')
      .matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']\.\/([^"']+)["']/g),
  ]
    .map((match) => match[1])
    .filter((dep) => files.has(dep));

const entryFiles = new Set([ENTRY]);
for (const name of entryFiles) for (const dep of staticImports(name)) entryFiles.add(dep);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const line = (label, raw, gzip) =>
  `${label.padEnd(34)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(6)} B gzip (${kb(gzip)})`;
const failures = [];

const entryRaw = [...entryFiles].reduce((sum, name) => sum + files.get(name).raw.length, 0);
const entryGzip = [...entryFiles].reduce((sum, name) => sum + files.get(name).gzip, 0);
const entryLabel = entryFiles.size > 1 ? `entry ${[...entryFiles].join(' + ')}` : `entry ${ENTRY}`;
console.log(`${line(entryLabel, entryRaw, entryGzip)} limit ${LIMIT_GZIP_BYTES} B`);
if (entryGzip > LIMIT_GZIP_BYTES) failures.push(`the entry is ${entryGzip} B gzip, over ${LIMIT_GZIP_BYTES} B`);

let totalRaw = entryRaw;
let totalGzip = entryGzip;
for (const [name, { raw, gzip }] of [...files].filter(([name]) => !entryFiles.has(name)).sort()) {
  console.log(line(`lazy ${name}`, raw.length, gzip));
  totalRaw += raw.length;
  totalGzip += gzip;
  if (gzip > LIMIT_GZIP_BYTES) failures.push(`lazy chunk ${name} is ${gzip} B gzip, over ${LIMIT_GZIP_BYTES} B`);
}
console.log(line('total', totalRaw, totalGzip));

const withLit = [...files].filter(([, { raw }]) => raw.includes(LIT_MARKER)).map(([name]) => name);
if (withLit.length !== 1 || !entryFiles.has(withLit[0])) {
  failures.push(`lit must be bundled once, with the entry; found in: ${withLit.join(', ') || 'none'}`);
}

for (const failure of failures) console.log(`widget bundle: ${failure}`);
console.log(failures.length ? 'widget bundle: FAILED' : 'widget bundle: ok');
process.exit(failures.length ? 1 : 0);
