import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/notifications.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  cleanup,
  type FetchStub,
  fixture,
  json,
  liveStream,
  press,
  stubFetch,
  tokenSource,
  waitFor,
} from '../../../test/helpers.js';
import type { Alert } from '../../api/types.js';
import { createConnection } from '../../context/connection.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import type { SccNotifications } from './notifications.js';

const alert = (id: string, extra: Partial<Alert> = {}): Alert => ({
  id,
  kind: 'operation-failed',
  severity: 'critical',
  businessUnitId: 'logistics',
  businessUnitName: 'Logistics',
  subject: { operationRequestId: 'r-1', operationKind: 'order', tenantName: 'Contoso Test' },
  summary: 'The order request for tenant “Contoso Test” in Logistics failed.',
  raisedAt: '2026-11-28T10:00:00.000Z',
  read: false,
  ...extra,
});

function bell(locale = 'en'): SccNotifications {
  const el = document.createElement('scc-notifications');
  el.connection = createConnection({ apiBase: API_BASE, fetchToken: tokenSource().fetchToken });
  el.locale = locale;
  fixture('<div></div>').append(el);
  return el;
}
const button = (el: SccNotifications) =>
  $<HTMLButtonElement>(el, '[data-testid="notifications-button"]') as HTMLButtonElement;
const items = (el: SccNotifications) => $$(el, '[part="notification"]');

describe('scc-notifications', () => {
  let stub: FetchStub;
  let marked: unknown[];
  beforeEach(() => {
    stub = stubFetch();
    marked = [];
    stub.on('/v1/widget/alerts', () =>
      json({
        items: [
          alert('a-1'),
          alert('a-2', {
            kind: 'retention-expiring',
            severity: 'warning',
            read: true,
            subject: { tenantName: 'Old', retainedUntil: '2026-12-01T00:00:00.000Z' },
          }),
        ],
        nextCursor: null,
        unread: 1,
      }),
    );
    stub.on('/v1/widget/alerts/read', async (request) => {
      marked.push(request.body);
      return json({ marked: 1, unread: 0 });
    });
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('names the unread count on the bell and lists the alerts in words, not codes', async () => {
    const el = bell();
    await waitFor(() => el.unread === 1, 'the unread count');
    assertEqual(button(el).getAttribute('aria-label'), 'Alerts, 1 unread');
    assertEqual(button(el).getAttribute('aria-expanded'), 'false');
    button(el).click();
    await waitFor(() => items(el).length === 2, 'two alerts');
    assertEqual(button(el).getAttribute('aria-expanded'), 'true');
    assertDeepEqual(
      items(el).map((li) => [
        li.dataset.severity,
        li.hasAttribute('data-read'),
        li.querySelector('.text')?.textContent,
      ]),
      [
        ['critical', false, 'A request for Contoso Test failed.'],
        ['warning', true, 'Old will be removed for good on Dec 1, 2026.'],
      ],
    );
    await expectNoAxeViolations(el);
  });

  it('marks one alert read', async () => {
    const el = bell();
    await waitFor(() => el.unread === 1, 'the unread count');
    button(el).click();
    await waitFor(() => items(el).length === 2, 'the list');
    const [first] = items(el);
    assert(first, 'the first alert');
    (first.querySelector('button') as HTMLButtonElement).click();
    await waitFor(() => el.unread === 0, 'read');
    assert(items(el)[0]?.hasAttribute('data-read'), 'shown as read');
    assertEqual(button(el).getAttribute('aria-label'), 'Alerts');
    assertDeepEqual(marked, [{ ids: ['a-1'] }]);
    assertEqual($(el, '[data-testid="mark-all-read"]'), null, 'nothing left to mark');
  });

  it('marks every alert read at once', async () => {
    const el = bell();
    await waitFor(() => el.unread === 1, 'the unread count');
    button(el).click();
    const all = await waitFor(() => $<HTMLButtonElement>(el, '[data-testid="mark-all-read"]'), 'mark all');
    all.click();
    await waitFor(() => el.unread === 0, 'read');
    assertDeepEqual(marked, [{ all: true }]);
    assert(
      items(el).every((li) => li.hasAttribute('data-read')),
      'all shown as read',
    );
  });

  it('adds a live alert once, even when the stream replays it', async () => {
    const stream = liveStream(stub);
    const el = bell();
    await waitFor(() => stream.opened && el.unread === 1, 'stream and count');
    const live = alert('a-3', { kind: 'operation-stuck', severity: 'warning' });
    stream.push(`id: 7\nevent: alert\ndata: ${JSON.stringify(live)}\n\n`);
    stream.push(`id: 7\nevent: alert\ndata: ${JSON.stringify(live)}\n\n`);
    await waitFor(() => el.unread === 2, 'the live alert counted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assertEqual(el.unread, 2, 'the replay not counted again');
    // Opening asks the server again, which has the new alert by now.
    stub.on('/v1/widget/alerts', () => json({ items: [live, alert('a-1')], nextCursor: null, unread: 2 }));
    button(el).click();
    await waitFor(() => items(el).length === 2, 'the list');
    assertEqual(items(el)[0]?.dataset.alertId, 'a-3');
    assertEqual(
      items(el)[0]?.querySelector('.text')?.textContent,
      'A request for Contoso Test has not progressed for a while.',
    );
  });

  it('closes with Escape and gives focus back to the bell; speaks German', async () => {
    const el = bell('de');
    await waitFor(() => el.unread === 1, 'the unread count');
    assertEqual(button(el).getAttribute('aria-label'), 'Hinweise, 1 ungelesen');
    button(el).click();
    const panel = await waitFor(() => $(el, '[data-testid="notifications"]'), 'open');
    await waitFor(() => items(el).length === 2, 'the list');
    assertEqual(items(el)[0]?.querySelector('.text')?.textContent, 'Ein Auftrag für Contoso Test ist fehlgeschlagen.');
    press(panel, 'Escape');
    await waitFor(() => !$(el, '[data-testid="notifications"]'), 'closed');
    await waitFor(() => el.shadowRoot?.activeElement === button(el), 'focus on the bell');
  });
});
