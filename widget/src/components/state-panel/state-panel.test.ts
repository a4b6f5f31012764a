import '../../i18n/de.js';
import '../../index.js';
import { $, assert, assertEqual, assertIncludes, cleanup, deepText, mount } from '../../../test/helpers.js';

describe('scc-state-panel', () => {
  afterEach(cleanup);

  it('loading is a polite status with a spinner', async () => {
    const panel = mount(document.createElement('scc-state-panel'));
    await panel.updateComplete;
    assert($(panel, '[role="status"][aria-live="polite"] .spinner'));
    assertIncludes(deepText(panel), 'Loading');
    assertEqual($(panel, 'button'), null);
  });

  it('error is an alert whose retry button fires a non-bubbling scc-retry', async () => {
    const panel = document.createElement('scc-state-panel');
    panel.variant = 'error';
    panel.message = 'Boom';
    mount(panel);
    await panel.updateComplete;
    assert($(panel, '[role="alert"]'));
    assertIncludes(deepText(panel), 'Boom');
    let onPanel = 0;
    let onDocument = 0;
    panel.addEventListener('scc-retry', () => onPanel++);
    const documentListener = () => onDocument++;
    document.addEventListener('scc-retry', documentListener);
    const button = $<HTMLButtonElement>(panel, 'button[part="retry-button"]');
    assert(button);
    assertEqual(button.type, 'button');
    button.click();
    document.removeEventListener('scc-retry', documentListener);
    assertEqual(onPanel, 1);
    assertEqual(onDocument, 0, 'internal event stays inside the widget');
    panel.retryable = false;
    await panel.updateComplete;
    assertEqual($(panel, 'button'), null);
  });

  it('empty uses German texts with locale="de"', async () => {
    const panel = document.createElement('scc-state-panel');
    panel.variant = 'empty';
    panel.locale = 'de';
    mount(panel);
    await panel.updateComplete;
    assertIncludes(deepText(panel), 'Keine Mandanten in dieser Organisationseinheit');
  });
});
