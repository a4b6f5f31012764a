import '../index.js';
import '../lazy/admin.js';
import '../lazy/operations.js';
import {
  $,
  $$,
  API_BASE,
  cleanup,
  type FetchStub,
  json,
  mount,
  session,
  stubFetch,
  tokenSource,
  waitFor,
} from '../../test/helpers.js';
import type { Session } from '../api/types.js';
import type { ServiceControlCenter } from '../components/service-control-center/service-control-center.js';
import { expectNoAxeViolations } from './axe.js';

/** The palette a host (or a brand's dark variant) sets for a dark page. */
const darkPalette: Record<string, string> = {
  '--scc-color-surface': '#111827',
  '--scc-color-text': '#f9fafb',
  '--scc-color-muted': '#9ca3af',
  '--scc-color-border': '#374151',
  '--scc-color-primary': '#60a5fa',
  '--scc-color-on-primary': '#111827',
  '--scc-color-danger': '#f87171',
  '--scc-color-warning': '#fbbf24',
  '--scc-color-success': '#4ade80',
};

const personas: Record<string, Session> = {
  'MSP operator': session,
  'reseller admin': { ...session, roles: ['admin', 'operator', 'viewer'] },
  'department viewer': { ...session, roles: ['viewer'] },
};

async function controlCenter(attributes: Record<string, string>, dark: boolean): Promise<ServiceControlCenter> {
  const el = document.createElement('service-control-center');
  el.setAttribute('api-base', API_BASE);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (dark) for (const [name, value] of Object.entries(darkPalette)) el.style.setProperty(name, value);
  el.fetchToken = tokenSource().fetchToken;
  mount(el);
  await waitFor(() => el.status === 'ready', 'ready state');
  await waitFor(() => !$(el, '.part-loading'), 'lazy parts');
  const tree = $(el, 'scc-business-unit-tree');
  await waitFor(() => $$(tree, '[role="treeitem"]').length > 1, 'tree items');
  await waitFor(() => $$($(el, 'scc-tenant-list'), '[part~="tenant-row"]').length > 0, 'tenant rows');
  return el;
}

describe('accessibility of the whole control center (axe, WCAG 2.2 A/AA)', () => {
  let stub: FetchStub;
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  for (const [persona, shape] of Object.entries(personas)) {
    for (const dark of [false, true]) {
      for (const locale of ['en', 'de']) {
        for (const dir of ['ltr', 'rtl']) {
          it(`${persona}, ${dark ? 'dark' : 'light'}, ${locale}, ${dir}`, async () => {
            stub = stubFetch({ session: shape });
            stub.on('/v1/widget/users', () => json({ items: [], nextCursor: null }));
            const el = await controlCenter({ locale, dir }, dark);
            await expectNoAxeViolations(el, `${persona} ${locale} ${dir}`);
          });
        }
      }
    }
  }
});
