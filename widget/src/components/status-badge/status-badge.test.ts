import '../../i18n/de.js';
import '../../index.js';
import { $, assertEqual, cleanup, mount } from '../../../test/helpers.js';
import { toneFor } from './status-badge.js';

describe('scc-status-badge', () => {
  afterEach(cleanup);

  it('maps statuses to tones', () => {
    assertEqual(toneFor('up'), 'success');
    assertEqual(toneFor('degraded'), 'warning');
    assertEqual(toneFor('down'), 'danger');
    assertEqual(toneFor('maintenance'), 'info');
    assertEqual(toneFor('weird'), 'neutral');
  });

  it('renders a labelled badge whose colour follows the theme', async () => {
    const badge = document.createElement('scc-status-badge');
    badge.status = 'down';
    badge.style.setProperty('--scc-color-danger', 'rgb(200, 0, 0)');
    mount(badge);
    await badge.updateComplete;
    const base = $(badge, '[part="base"]');
    assertEqual(base?.textContent?.trim(), 'Down');
    assertEqual(getComputedStyle($(badge, '.dot') as Element).backgroundColor, 'rgb(200, 0, 0)');
    assertEqual(badge.getAttribute('status'), 'down', 'status reflects for host styling');
    badge.locale = 'de';
    await badge.updateComplete;
    assertEqual(base?.textContent?.trim(), 'Ausgefallen');
    badge.label = 'Custom';
    await badge.updateComplete;
    assertEqual(base?.textContent?.trim(), 'Custom');
  });
});
