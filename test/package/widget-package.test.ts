import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * `@scc/widget` as a host developer receives it: packed with `pnpm pack` and unpacked, not the
 * workspace folder. Needs the widget built (`pnpm build`; `pnpm test` builds it first).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const widget = join(root, 'widget');

let folder: string;
let unpacked: string;
const packed = (path: string) => join(unpacked, path);

interface ManifestDeclaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  members?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

function declarationOf(tag: string): ManifestDeclaration {
  const manifest = JSON.parse(readFileSync(packed('dist/custom-elements.json'), 'utf8')) as {
    modules: { declarations?: ManifestDeclaration[] }[];
  };
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!found) throw new Error(`custom-elements.json has no <${tag}>`);
  return found;
}

const names = (items: { name: string }[] | undefined) => (items ?? []).map((i) => i.name);

beforeAll(() => {
  if (!existsSync(join(widget, 'dist/index.d.ts')) || !existsSync(join(widget, 'dist/custom-elements.json'))) {
    throw new Error('the widget is not built with its declarations and manifest: run pnpm build');
  }
  folder = mkdtempSync(join(tmpdir(), 'scc-widget-pack-'));
  execFileSync('pnpm', ['pack', '--pack-destination', folder], { cwd: widget, stdio: 'pipe' });
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack wrote no tarball');
  execFileSync('tar', ['-xzf', join(folder, tarball), '-C', folder]);
  unpacked = join(folder, 'package');
}, 60_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the packed widget package', () => {
  test('is publishable and ships the bundle, its declarations, the manifest and the framework typings', () => {
    const manifest = JSON.parse(readFileSync(packed('package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/service-control-center.js' });
    const targets = [
      manifest.exports['.'].types,
      manifest.exports['.'].import,
      manifest.exports['./react'].types,
      manifest.exports['./vue'].types,
      manifest.exports['./custom-elements.json'],
      manifest.customElements,
    ];
    for (const target of targets) expect(existsSync(packed(target)), target).toBe(true);

    // Every module the browser loads: the entry and each lazy chunk it imports.
    const built = readdirSync(join(widget, 'dist')).filter((name) => name.endsWith('.js'));
    expect(readdirSync(packed('dist')).filter((name) => name.endsWith('.js'))).toEqual(built);
    expect(existsSync(packed('dist/components/service-control-center/service-control-center.d.ts'))).toBe(true);
    // Nothing of the sources or tests travels along.
    expect(existsSync(packed('src'))).toBe(false);
    const shipped = execFileSync('find', ['.', '-type', 'f'], { cwd: unpacked, encoding: 'utf8' }).split('\n');
    expect(shipped.filter((path) => /\.test\.|(?<!\.d)\.ts$/.test(path))).toEqual([]);
  });

  test('custom-elements.json lists <service-control-center> with its attributes, events, parts and properties', () => {
    const element = declarationOf('service-control-center');
    expect(names(element.attributes)).toEqual(expect.arrayContaining(['api-base', 'locale']));
    expect(names(element.members)).toEqual(expect.arrayContaining(['apiBase', 'fetchToken', 'locale', 'reload']));
    expect(names(element.events)).toEqual(
      expect.arrayContaining([
        'scc-ready',
        'scc-error',
        'scc-business-unit-select',
        'scc-business-unit-change',
        'scc-operation-request-submit',
        'scc-operation-request-cancel',
        'scc-operation-request-complete',
      ]),
    );
    expect(names(element.cssParts)).toEqual(expect.arrayContaining(['header', 'tree', 'tenants', 'tenant-row']));
    expect(names(element.cssProperties)).toEqual(expect.arrayContaining(['--scc-color-primary', '--scc-radius']));
    // Internal reactive state is no attribute a host could set.
    expect(names(element.attributes).filter((name) => name.startsWith('_'))).toEqual([]);
    expect(names(element.members).filter((name) => name.startsWith('_'))).toEqual([]);
  });

  test('importing the bundle on a server succeeds and installs no DOM', () => {
    const probe = `
      const widget = await import(${JSON.stringify(packed('dist/service-control-center.js'))});
      console.log(JSON.stringify({
        element: typeof widget.ServiceControlCenter,
        defineElements: typeof widget.defineElements,
        globals: ['window', 'document', 'customElements', 'HTMLElement'].map((name) => typeof globalThis[name]),
      }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      element: 'function',
      defineElements: 'function',
      globals: ['undefined', 'undefined', 'undefined', 'undefined'],
    });
  });

  test('the React typings type-check the demo host’s React page, and refuse wrong props and event fields', () => {
    const reactTypes = join(root, 'demo-host/node_modules/@types');
    writeFileSync(
      join(folder, 'consumer.tsx'),
      `export const wrongLocale = (
  <service-control-center
    // @ts-expect-error locale is a string
    locale={42}
  />
);
export const wrongEvent = (
  <service-control-center
    onscc-error={(event) => {
      // @ts-expect-error scc-error's detail has status and title only
      event.detail.nonsense;
    }}
  />
);
`,
    );
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'react-jsx',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: [],
          // Our generated react.d.ts is checked through its use; the libraries' own files need not be.
          skipLibCheck: true,
          paths: {
            react: [join(reactTypes, 'react')],
            'react/*': [join(reactTypes, 'react/*')],
            'react-dom/*': [join(reactTypes, 'react-dom/*')],
            lit: [join(widget, 'node_modules/lit')],
            'lit/*': [join(widget, 'node_modules/lit/*')],
          },
        },
        files: [join(root, 'demo-host/react-page/main.tsx'), 'consumer.tsx', 'package/dist/react.d.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(folder, 'tsconfig.json')], { encoding: 'utf8' });
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  test('the Vue typings register every element as a global component with its events', () => {
    const vue = readFileSync(packed('dist/vue.d.ts'), 'utf8');
    expect(vue).toContain("declare module 'vue'");
    expect(vue).toContain('"service-control-center": DefineComponent<ServiceControlCenterProps>;');
    expect(vue).toContain('"onSccReady"?: (event: SccEvent<"scc-ready">) => void;');
    expect(vue).toContain('fetchToken?: ServiceControlCenter["fetchToken"];');
  });
});
