import '../../i18n/de.js';
import '../../index.js';
import '../../lazy/admin.js';
import {
  $,
  $$,
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  cleanup,
  type FetchStub,
  json,
  mount,
  stubFetch,
  waitFor,
} from '../../../test/helpers.js';
import { BffClient } from '../../api/bff-client.js';
import type { AuditEvent } from '../../api/types.js';
import { expectNoAxeViolations } from '../../testing/axe.js';
import { changeSummary, type SccAuditLog } from './audit-log.js';

const event = (id: string, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  id,
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { userId: 'u-1', email: 'casey@contoso.example' },
  action: 'business-unit.renamed',
  entityType: 'business-unit',
  entityId: 'north',
  businessUnitId: 'north',
  businessUnitName: 'North',
  before: { name: 'Nord' },
  after: { name: 'North' },
  ...extra,
});

const first = [
  event('e-1'),
  event('e-2', {
    action: 'operation-request.cancelled',
    entityType: 'operation-request',
    businessUnitName: null,
    before: { state: 'queued' },
    after: { kind: 'order', state: 'cancelled', tenantId: null },
  }),
];
const second = [event('e-3', { action: 'user.created', before: null, after: { email: 'pat@contoso.example' } })];

async function log(locale = 'en'): Promise<SccAuditLog> {
  const el = document.createElement('scc-audit-log');
  el.client = new BffClient({ apiBase: API_BASE, getToken: async () => 't', refreshToken: async () => 't' });
  el.businessUnitId = 'contoso';
  el.locale = locale;
  mount(el);
  await waitFor(() => $(el, 'table') ?? $(el, '[data-testid="error"]'), 'the log');
  return el;
}

const rows = (el: SccAuditLog) =>
  $$(el, '[part="event-row"]').map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''));

describe('scc-audit-log', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch();
    stub.on('/v1/widget/audit-events', (request) =>
      request.query.get('cursor') === 'page-2'
        ? json({ items: second, nextCursor: null })
        : json({ items: first, nextCursor: 'page-2' }),
    );
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  it('shows when, who, what, which unit and what changed, under column headers', async () => {
    const el = await log();
    assertDeepEqual(
      $$(el, 'th').map((th) => [th.textContent, th.getAttribute('scope')]),
      [
        ['When', 'col'],
        ['Who', 'col'],
        ['What', 'col'],
        ['Business unit', 'col'],
        ['Change', 'col'],
      ],
    );
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2026-03-01T10:00:00.000Z'),
    );
    assertDeepEqual(
      rows(el).map((cells) => cells.slice(0, 4)),
      [
        [when, 'casey@contoso.example', 'Unit renamed', 'North'],
        [when, 'casey@contoso.example', 'Request cancelled', 'a deleted unit'],
      ],
    );
    const changes = (id: string) => $$(el, `[data-action="${id}"] .change li`).map((li) => li.textContent);
    assertDeepEqual(changes('business-unit.renamed'), ['name: Nord → North']);
    assertDeepEqual(changes('operation-request.cancelled'), ['state: queued → cancelled', 'kind: – → order']);
    assertEqual(stub.requestsTo('/v1/widget/audit-events')[0]?.query.get('businessUnitId'), 'contoso');
  });

  it('names security events in words and becomes labelled cards when narrow, never scrolling sideways', async () => {
    stub.on('/v1/widget/audit-events', () =>
      json({
        items: [
          event('s-1', { action: 'embed-session.issued', entityType: 'embed-session', before: null, after: null }),
          event('s-2', { action: 'rate-limit.exceeded', entityType: 'embed-session', before: null, after: null }),
        ],
        nextCursor: null,
      }),
    );
    const el = await log();
    assertDeepEqual(
      rows(el).map((cells) => cells[2]),
      ['Signed in', 'Rate limit reached'],
    );
    el.style.width = '320px';
    await waitFor(() => getComputedStyle($(el, 'tr[part="event-row"]') as Element).display === 'block', 'cards');
    const who = $(el, 'td.who') as Element;
    assertEqual(getComputedStyle(who, '::before').content, '"Who: "');
    const scroll = $(el, '.scroll') as HTMLElement;
    assert(
      scroll.scrollWidth <= scroll.clientWidth + 1,
      `no sideways scroll: ${scroll.scrollWidth} > ${scroll.clientWidth}`,
    );
  });

  it('names the events of two-step verification, in English and German', async () => {
    const actions = [
      'totp.enrolled',
      'step-up.passed',
      'step-up.failed',
      'step-up.locked-out',
      'totp.recovery-code-used',
      'totp.policy-changed',
    ];
    stub.on('/v1/widget/audit-events', () =>
      json({
        items: actions.map((action, i) =>
          event(`t-${i}`, { action, entityType: 'security-event', before: null, after: null }),
        ),
        nextCursor: null,
      }),
    );
    assertDeepEqual(
      rows(await log()).map((cells) => cells[2]),
      [
        'Authenticator app set up',
        'Confirmed with a code',
        'Wrong code',
        'Locked after wrong codes',
        'Recovery code used',
        'Two-step verification requirement changed',
      ],
    );
    cleanup();
    assertDeepEqual(
      rows(await log('de')).map((cells) => cells[2]),
      [
        'Authenticator-App eingerichtet',
        'Mit Code bestätigt',
        'Falscher Code',
        'Nach falschen Codes gesperrt',
        'Wiederherstellungscode verwendet',
        'Pflicht zur Bestätigung in zwei Schritten geändert',
      ],
    );
  });

  it('loads more until the last page', async () => {
    const el = await log();
    $<HTMLButtonElement>(el, '[data-testid="load-more"]')?.click();
    await waitFor(() => el.events.length === 3, 'the second page');
    assertDeepEqual(
      el.events.map((e) => e.id),
      ['e-1', 'e-2', 'e-3'],
    );
    assertEqual(stub.requestsTo('/v1/widget/audit-events')[1]?.query.get('cursor'), 'page-2');
    await el.updateComplete;
    assertEqual($(el, '[data-testid="load-more"]'), null);
    assertEqual($(el, '.more [role="status"]')?.textContent, '3 shown');
  });

  it('filters by kind, actor and days; the "to" day is included', async () => {
    const el = await log();
    const form = $<HTMLFormElement>(el, '[data-testid="audit-filters"]');
    (form?.querySelector('select[name="action"]') as HTMLSelectElement).value = 'operation-request.';
    (form?.querySelector('input[name="actor"]') as HTMLInputElement).value = ' casey ';
    (form?.querySelector('input[name="from"]') as HTMLInputElement).value = '2026-03-01';
    (form?.querySelector('input[name="to"]') as HTMLInputElement).value = '2026-03-02';
    form?.requestSubmit();
    await waitFor(() => stub.requestsTo('/v1/widget/audit-events').length === 2, 'the filtered load');
    const query = stub.requestsTo('/v1/widget/audit-events')[1]?.query;
    assertEqual(query?.get('action'), 'operation-request.');
    assertEqual(query?.get('actor'), 'casey');
    assertEqual(query?.get('from'), new Date(2026, 2, 1).toISOString());
    assertEqual(query?.get('to'), new Date(2026, 2, 3).toISOString());
    assertEqual(query?.has('cursor'), false, 'filtering starts over');
  });

  it('labels every filter and says why a filter was refused', async () => {
    stub.on('/v1/widget/audit-events', () =>
      json(
        {
          type: 'https://scc.example/problems/validation',
          title: 'Invalid query',
          status: 400,
          errors: [{ field: 'query.to', message: 'Must not be before query.from' }],
        },
        400,
      ),
    );
    const el = await log();
    for (const control of $$(el, 'select, input')) assertEqual(control.closest('label') !== null, true);
    await waitFor(() => $(el, '[data-testid="error"]'), 'the error');
    assertEqual($(el, '[data-testid="error"]')?.getAttribute('role'), 'alert');
    assertEqual(
      $$(el, '[data-testid="error"] li').some((li) => li.textContent === 'To: Must not be before query.from'),
      true,
    );
  });

  it('has no WCAG A/AA violation, with rows and with a refusal', async () => {
    const el = await log();
    await expectNoAxeViolations(el);
    $<HTMLButtonElement>(el, '[data-testid="load-more"]')?.click();
    await waitFor(() => el.events.length === 3, 'the second page');
    await expectNoAxeViolations(el, 'after Load more');
  });

  it('speaks German', async () => {
    const el = await log('de');
    assertDeepEqual(
      $$(el, 'th').map((th) => th.textContent),
      ['Wann', 'Wer', 'Was', 'Organisationseinheit', 'Änderung'],
    );
    assertEqual(rows(el)[0]?.[2], 'Einheit umbenannt');
    assertEqual(rows(el)[0]?.[0]?.startsWith('01.03.2026'), true);
  });
});

describe('changeSummary', () => {
  it('names each changed field, a creation’s values and a removal’s', () => {
    assertDeepEqual(changeSummary({ name: 'A', kind: 'x' }, { name: 'B', kind: 'x' }), ['name: A → B']);
    assertDeepEqual(changeSummary(null, { email: 'p@x' }), ['email: p@x']);
    assertDeepEqual(changeSummary({ role: 'admin' }, null), ['role: admin']);
    assertDeepEqual(changeSummary({ at: { a: 1 } }, { at: null }), ['at: {"a":1} → –']);
  });
});
