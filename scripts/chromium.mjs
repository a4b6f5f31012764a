// Where Chromium is and how every browser test starts it. Plain JavaScript, because the
// test runner's config, the e2e tests and the bootstrap runner (before any install) all read it.
import { existsSync } from 'node:fs';

/** As root without a sandbox, and quiet: this machine has no network beyond package registries. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** `CHROME_PATH` if set, else the first usual install path that exists, else undefined. */
export function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return chromiumCandidates.find((path) => existsSync(path));
}
