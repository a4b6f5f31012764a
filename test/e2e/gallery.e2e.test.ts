import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { testArtifactsDir } from '@scc/db/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertNoProblems,
  type DemoBrowser,
  signIn,
  startDemoBrowser,
  WIDGET,
  widgetReady,
} from '../support/demo-browser.js';

/**
 * Every persona in light and dark, wide and narrow, as the README shows them: the reseller's
 * customers see Reseller One's brand, the MSP's own people the default one, and no width from a
 * phone to a wide screen scrolls the widget sideways. The screenshots are a by-product; with
 * `SCC_UPDATE_SCREENSHOTS=1` they are copied to docs/screenshots.
 */
const SCREENSHOTS = join(testArtifactsDir(), 'screenshots');
const DOCS = join(import.meta.dirname, '../../docs/screenshots');

/** Reseller One's seeded brand colour, and the built-in default that the MSP keeps. */
const RESELLER_ONE_PRIMARY = '#c2410c';

const personas = [
  { key: 'msp-operator', brand: 'default' },
  { key: 'reseller-admin', brand: 'reseller-one' },
  { key: 'customer-admin', brand: 'reseller-one' },
  { key: 'department-user', brand: 'reseller-one' },
] as const;

const sizes = [
  { name: 'wide', width: 1440, height: 960 },
  { name: 'narrow', width: 390, height: 844 },
] as const;

let demo: DemoBrowser | undefined;
const started = () => {
  if (!demo) throw new Error('the stack did not start');
  return demo;
};

/** Page scripts as text: the test's TypeScript has no DOM types, and the page needs none of ours. */
const primaryColour = (page: Page): Promise<string> =>
  page.evaluate(
    `getComputedStyle(document.querySelector('${WIDGET}')).getPropertyValue('--scc-color-primary').trim().toLowerCase()`,
  );

/**
 * What in the page or the widget's shadow roots reaches beyond its own width, as
 * `<tag.class>: <pixels>` (empty: nothing scrolls sideways).
 */
const sidewaysOverflow = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const found = [];
    const page = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (page > 0) found.push('the page: ' + page);
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        const overflowX = getComputedStyle(element).overflowX;
        if (element.scrollWidth > element.clientWidth + 1 && overflowX !== 'hidden' && overflowX !== 'clip') {
          found.push(element.localName + '.' + [...element.classList].join('.') + ': ' + (element.scrollWidth - element.clientWidth));
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document.querySelector('${WIDGET}').shadowRoot);
    return found;
  })()`);

describe('the gallery: each persona, brand, colour scheme and width', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    demo = await startDemoBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await demo?.close();
  }, 60_000);

  for (const persona of personas) {
    test(`${persona.key}: ${persona.brand} brand, light and dark, wide and narrow`, async () => {
      const page = await started().openPage();
      await signIn(started(), page, persona.key);
      await widgetReady(started(), page);
      const primary = await primaryColour(page);
      if (persona.brand === 'reseller-one') expect(primary).toBe(RESELLER_ONE_PRIMARY);
      else expect(primary).not.toBe(RESELLER_ONE_PRIMARY);

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const size of sizes) {
          await page.setViewportSize({ width: size.width, height: size.height });
          await page.locator(`${WIDGET} [part~="tenant-row"]`).first().waitFor();
          await page.mouse.move(0, 0);
          expect(await sidewaysOverflow(page), `${scheme} ${size.name}`).toEqual([]);
          const file = `${persona.key}-${scheme}-${size.name}.png`;
          await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true });
          if (process.env.SCC_UPDATE_SCREENSHOTS) copyFileSync(join(SCREENSHOTS, file), join(DOCS, file));
        }
      }
      assertNoProblems(started(), page);
      await page.context().close();
    });
  }
});
