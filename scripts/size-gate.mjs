#!/usr/bin/env node
// CI's size gate for the widget bundle, in the spirit of lit's: hosts load it on every page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT_GZIP_BYTES = 25 * 1024;
const bundle = join(fileURLToPath(new URL('..', import.meta.url)), 'widget/dist/service-control-center.js');
const raw = readFileSync(bundle);
const gzip = gzipSync(raw, { level: 9 }).length;
const verdict = gzip <= LIMIT_GZIP_BYTES ? 'ok' : 'TOO BIG';
console.log(`widget bundle: ${raw.length} B raw, ${gzip} B gzip (limit ${LIMIT_GZIP_BYTES} B): ${verdict}`);
process.exit(gzip <= LIMIT_GZIP_BYTES ? 0 : 1);
