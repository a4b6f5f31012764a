import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as IConfiguration;

/** Cruises `files` under `baseDir` with the repository's rules; returns every violation. */
async function violationsOf(baseDir: string, files: string[], maxDepth?: number): Promise<IViolation[]> {
  const { output } = await cruise(files, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
    ...(maxDepth ? { maxDepth } : {}),
  });
  return (output as ICruiseResult).summary.violations;
}

const parts = ['contracts', 'service-kit', 'db', 'cockpit', 'bff', 'widget', 'demo-host', 'stack'];

/**
 * A small copy of the repository's layout: each part a package whose `node_modules/@scc/*` are
 * symlinks to the other parts, as pnpm links them, with `exports` pointing at the sources. The
 * rules must match the paths the imports resolve to, not the `@scc/…` spellings.
 */
const sources: Record<string, string> = {
  'contracts/src/index.ts': 'export const schema = 1;\nexport type Claims = { sub: string };\n',
  'service-kit/src/index.ts': "import { schema } from '@scc/contracts';\nexport const kit = schema;\n",
  'db/src/index.ts': "import { schema } from '@scc/contracts';\nexport const db = schema;\n",
  'db/src/testing.ts': "import { db } from './index.js';\nexport const testDb = db;\n",
  'cockpit/src/index.ts': "import { db } from '@scc/db';\nexport const app = db;\nexport type App = typeof app;\n",
  'bff/src/index.ts':
    "import type { App } from '@scc/cockpit';\nimport { kit } from '@scc/service-kit';\nexport const bff: App = kit;\n",
  'widget/src/index.ts': "import type { Claims } from '@scc/contracts';\nexport const claims: Claims = { sub: 'u' };\n",
  'test/support/stack.ts': "import { testDb } from '@scc/db/testing';\nexport const stack = testDb;\n",
  // Forbidden imports, one per rule.
  'bff/src/uses-db.ts': "import { db } from '@scc/db';\nexport const x = db;\n",
  'bff/src/uses-cockpit.ts': "import { app } from '@scc/cockpit';\nexport const x = app;\n",
  'bff/src/uses-widget.ts': "import { claims } from '@scc/widget';\nexport const x = claims;\n",
  'widget/src/uses-contracts.ts': "import { schema } from '@scc/contracts';\nexport const x = schema;\n",
  'widget/src/uses-service-kit.ts': "import type { kit } from '@scc/service-kit';\nexport type X = typeof kit;\n",
  'demo-host/src/uses-contracts.ts': "import type { Claims } from '@scc/contracts';\nexport type X = Claims;\n",
  'cockpit/src/uses-bff.ts': "import { bff } from '@scc/bff';\nexport const x = bff;\n",
  'db/src/uses-cockpit.ts': "import { app } from '@scc/cockpit';\nexport const x = app;\n",
  'contracts/src/uses-db.ts': "import type { db } from '@scc/db';\nexport type X = typeof db;\n",
  'service-kit/src/uses-cockpit.ts': "import { app } from '@scc/cockpit';\nexport const x = app;\n",
  'cockpit/src/uses-db-testing.ts': "import { testDb } from '@scc/db/testing';\nexport const x = testDb;\n",
  'cockpit/src/uses-test-support.ts': "import { stack } from '../../test/support/stack.js';\nexport const x = stack;\n",
  'cockpit/src/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = () => b;\n",
  'cockpit/src/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = () => a;\n",
  // The same imports from tests: allowed.
  'bff/src/uses-db.test.ts':
    "import { testDb } from '@scc/db/testing';\nimport { app } from '@scc/cockpit';\nexport const x = [testDb, app];\n",
  'cockpit/src/uses-test-support.test.ts':
    "import { stack } from '../../test/support/stack.js';\nexport const x = stack;\n",
};

describe('dependency rules', () => {
  let fixture: string;
  let violations: IViolation[];

  beforeAll(async () => {
    fixture = mkdtempSync(join(tmpdir(), 'scc-borders-'));
    for (const [path, text] of Object.entries(sources)) {
      mkdirSync(dirname(join(fixture, path)), { recursive: true });
      writeFileSync(join(fixture, path), text);
    }
    for (const part of parts) {
      mkdirSync(join(fixture, part, 'node_modules/@scc'), { recursive: true });
      const exports = { '.': './src/index.ts', ...(part === 'db' ? { './testing': './src/testing.ts' } : {}) };
      writeFileSync(join(fixture, part, 'package.json'), JSON.stringify({ name: `@scc/${part}`, exports }));
      for (const other of parts) symlinkSync(join('../../..', other), join(fixture, part, 'node_modules/@scc', other));
    }
    mkdirSync(join(fixture, 'test/node_modules/@scc'), { recursive: true });
    symlinkSync('../../../db', join(fixture, 'test/node_modules/@scc/db'));
    violations = await violationsOf(fixture, [...parts, 'test']);
  }, 120_000);

  afterAll(() => {
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  const found = () =>
    violations
      .map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((step) => step.name).join(' → ') : v.to}`)
      .sort();

  test('every forbidden import is reported against its resolved path, and nothing else', () => {
    expect(found()).toEqual(
      [
        'bff-cockpit-types-only: bff/src/uses-cockpit.ts → cockpit/src/index.ts',
        'bff-not-to-db: bff/src/uses-db.ts → db/src/index.ts',
        'bff-not-to-outer-parts: bff/src/uses-widget.ts → widget/src/index.ts',
        'cockpit-not-to-outer-parts: cockpit/src/uses-bff.ts → bff/src/index.ts',
        'contracts-self-contained: contracts/src/uses-db.ts → db/src/index.ts',
        'db-only-contracts: db/src/uses-cockpit.ts → cockpit/src/index.ts',
        'demo-host-no-scc-parts: demo-host/src/uses-contracts.ts → contracts/src/index.ts',
        'no-circular: cockpit/src/cycle-a.ts → cockpit/src/cycle-b.ts → cockpit/src/cycle-a.ts',
        'no-test-helpers-in-production: cockpit/src/uses-db-testing.ts → db/src/testing.ts',
        'no-test-helpers-in-production: cockpit/src/uses-test-support.ts → test/support/stack.ts',
        'service-kit-only-contracts: service-kit/src/uses-cockpit.ts → cockpit/src/index.ts',
        'widget-contracts-types-only: widget/src/uses-contracts.ts → contracts/src/index.ts',
        'widget-only-lit-and-contract-types: widget/src/uses-service-kit.ts → service-kit/src/index.ts',
      ].sort(),
    );
  });
});
