import { assertDeepEqual, assertEqual, waitFor } from '../../test/helpers.js';
import { WidgetPartsController } from './widget-parts-controller.js';

function setup(outcomes: Array<'ok' | 'fail'>) {
  const loads: string[] = [];
  const failures: string[] = [];
  const host = { updates: 0, requestUpdate: () => host.updates++ };
  const parts = new WidgetPartsController<'admin' | 'operations'>(host as never, {
    load: (part) => {
      loads.push(part);
      return outcomes.shift() === 'fail' ? Promise.reject(new TypeError('offline')) : Promise.resolve();
    },
    onFailure: (part) => failures.push(part),
  });
  return { parts, loads, failures, host };
}

describe('WidgetPartsController', () => {
  it('loads a part once, however often it is asked for, and updates the host when it arrives', async () => {
    const { parts, loads, host } = setup(['ok']);
    parts.ensure('admin');
    parts.ensure('admin');
    assertEqual(parts.isReady('admin'), false);
    await waitFor(() => parts.isReady('admin'), 'admin ready');
    parts.ensure('admin');
    assertDeepEqual(loads, ['admin']);
    assertEqual(host.updates, 1);
  });

  it('reports a failure once and tries again only after forgetFailures()', async () => {
    const { parts, loads, failures } = setup(['fail', 'ok']);
    parts.ensure('operations');
    await waitFor(() => failures.length === 1, 'the failure');
    parts.ensure('operations');
    assertDeepEqual(loads, ['operations'], 'no retry on its own');
    parts.forgetFailures();
    parts.ensure('operations');
    await waitFor(() => parts.isReady('operations'), 'loaded on the second try');
    assertDeepEqual(failures, ['operations']);
    assertEqual(loads.length, 2);
  });
});
