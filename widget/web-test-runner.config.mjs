import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumFlags, chromiumPath } from '../scripts/chromium.mjs';

const chromeFlags = ['--headless=new', ...chromiumFlags];

/**
 * Two groups, both run by a plain `web-test-runner`:
 * - `source`: unit/component tests next to the TypeScript sources;
 * - `bundle`: tests that load the BUILT `dist/service-control-center.js`
 *   (the `test` script runs `vite build` first).
 */
export default {
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath() ?? '/usr/bin/chromium',
        headless: true,
        args: chromeFlags,
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  groups: [
    { name: 'source', files: 'src/**/*.test.ts' },
    { name: 'bundle', files: 'test/**/*.test.ts' },
  ],
};
