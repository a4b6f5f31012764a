import '../../i18n/de.js';
import { $, $$, assertDeepEqual, assertEqual, cleanup, mount, waitFor } from '../../../test/helpers.js';
import { register } from '../../register.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import { SccToastRegion } from './toast-region.js';

register({ 'scc-toast-region': SccToastRegion });

async function region(duration = 50): Promise<SccToastRegion> {
  const el = document.createElement('scc-toast-region') as SccToastRegion;
  el.duration = duration;
  mount(el);
  await el.updateComplete;
  return el;
}

describe('scc-toast-region', () => {
  afterEach(cleanup);

  it('announces a success politely and lets it go by itself', async () => {
    const el = await region();
    el.show('Tenant restored', 'success');
    await el.updateComplete;
    const status = $(el, '[role="status"]');
    assertEqual(status?.getAttribute('aria-live'), 'polite');
    assertEqual(status?.textContent?.includes('Tenant restored'), true);
    await waitFor(() => el.messages.length === 0, 'auto-dismiss');
    assertEqual($$(el, '[part="toast"]').length, 0);
  });

  it('keeps a failure in the alert region until it is dismissed', async () => {
    const el = await region();
    el.show('Too late to cancel: the request is running.', 'error');
    await el.updateComplete;
    assertEqual($(el, '[role="alert"] [part="toast"]')?.dataset.tone, 'error');
    await new Promise((resolve) => setTimeout(resolve, 120));
    assertDeepEqual(el.messages, [{ message: 'Too late to cancel: the request is running.', tone: 'error' }]);
    $<HTMLButtonElement>(el, '[part="dismiss-button"]')?.click();
    await el.updateComplete;
    assertDeepEqual(el.messages, []);
  });

  it('never takes the focus', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'host button';
    mount(outside);
    outside.focus();
    const el = await region(10_000);
    el.show('Moved', 'success');
    el.show('Failed', 'error');
    await el.updateComplete;
    assertEqual(document.activeElement, outside);
  });

  it('has no WCAG A/AA violation with a success and a failure shown', async () => {
    const el = await region(10_000);
    el.show('Tenant restored', 'success');
    el.show('Too late to cancel', 'error');
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });

  it('labels its dismiss buttons in the locale', async () => {
    const el = await region(10_000);
    el.locale = 'de';
    el.show('Verschoben', 'success');
    await el.updateComplete;
    assertEqual($(el, '[part="dismiss-button"]')?.getAttribute('aria-label'), 'Schließen');
    assertEqual($(el, 'section')?.getAttribute('aria-label'), 'Benachrichtigungen');
  });
});
