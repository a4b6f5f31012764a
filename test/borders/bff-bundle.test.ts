import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What the BFF must not carry: the cockpit's code, the database library and its drivers. */
const forbidden = [
  /^cockpit\/src\//,
  /^db\/src\//,
  /(^|\/)node_modules\/drizzle-orm\//,
  /(^|\/)node_modules\/@electric-sql\/pglite\//,
  /(^|\/)node_modules\/postgres\//,
];

// The dependency rules look at each import; this looks at what the BFF's entry actually pulls in
// when every import is followed (no package external), as a bundler or a pruned install sees it.
test('the BFF bundle holds no cockpit code, no database library and no database driver', async () => {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ['bff/src/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  expect(Object.keys(metafile.inputs)).toContain('bff/src/app.ts');
  // Each import that crosses into forbidden code, named by the file that makes it: the way in.
  const isForbidden = (path: string) => forbidden.some((pattern) => pattern.test(path));
  const crossings = Object.entries(metafile.inputs).flatMap(([input, { imports }]) =>
    isForbidden(input) ? [] : imports.filter((i) => isForbidden(i.path)).map((i) => `${input} → ${i.path}`),
  );
  expect(crossings).toEqual([]);
}, 60_000);
