import { LitElement } from 'lit';
import { assertDeepEqual, assertEqual, cleanup, mount, sleep, waitFor } from '../../test/helpers.js';
import { DraftCheckController } from './draft-check-controller.js';

interface Draft {
  name: string;
}

/** A form whose draft is `name`; the "server" answers with the name upper-cased, when released. */
class CheckHost extends LitElement {
  static override properties = { name: { type: String } };
  declare name: string;
  asked: string[] = [];
  aborted: string[] = [];
  failures: unknown[] = [];
  connected = true;
  readonly #pending = new Map<string, { release: () => void; fail: (error: unknown) => void }>();
  check = new DraftCheckController<Draft, string>(this, {
    draft: () => (this.name ? { name: this.name } : undefined),
    check: (draft, signal) => {
      if (!this.connected) return undefined;
      this.asked.push(draft.name);
      return new Promise<string>((resolve, reject) => {
        signal.addEventListener('abort', () => {
          this.aborted.push(draft.name);
          reject(signal.reason);
        });
        this.#pending.set(draft.name, { release: () => resolve(draft.name.toUpperCase()), fail: reject });
      });
    },
    restMs: 20,
    onError: (error) => this.failures.push(error),
  });

  constructor() {
    super();
    this.name = '';
  }

  answer(name: string): void {
    this.#pending.get(name)?.release();
  }

  fail(name: string, error: unknown): void {
    this.#pending.get(name)?.fail(error);
  }
}
customElements.define('test-draft-check-host', CheckHost);

describe('DraftCheckController', () => {
  afterEach(cleanup);

  it('asks once the draft has rested, and only about the newest draft', async () => {
    const host = mount(new CheckHost());
    host.name = 'a';
    await host.updateComplete;
    host.name = 'ab';
    await host.updateComplete;
    await waitFor(() => host.asked.length === 1);
    await sleep(40);
    assertDeepEqual(host.asked, ['ab'], 'the draft that did not rest is never asked about');
    assertEqual(host.check.pending, true);
    host.answer('ab');
    await waitFor(() => host.check.answer);
    assertEqual(host.check.answer, 'AB');
    assertEqual(host.check.pending, false);
  });

  it('a newer draft aborts the question about an older one; a stale answer is marked, never current', async () => {
    const host = mount(new CheckHost());
    host.name = 'x';
    await waitFor(() => host.asked.includes('x'));
    host.answer('x');
    await waitFor(() => host.check.answer === 'X');
    host.name = 'xy';
    await host.updateComplete;
    assertDeepEqual(host.check.latest, { answer: 'X', current: false }, 'the last answer stays, marked stale');
    assertEqual(host.check.answer, undefined);
    await waitFor(() => host.asked.includes('xy'));
    host.name = 'xyz';
    await waitFor(() => host.aborted.includes('xy'));
    await waitFor(() => host.asked.includes('xyz'));
    host.answer('xy');
    host.answer('xyz');
    await waitFor(() => host.check.answer === 'XYZ');
    assertDeepEqual(host.failures, [], 'an abort is no failure');
  });

  it('asks again about the same draft when told to (a dialog opened anew)', async () => {
    const host = mount(new CheckHost());
    host.name = 'same';
    await waitFor(() => host.asked.length === 1);
    host.answer('same');
    await waitFor(() => host.check.answer === 'SAME');
    host.check.recheck();
    await waitFor(() => host.asked.length === 2);
    assertDeepEqual(host.asked, ['same', 'same']);
  });

  it('reports a failed check, and has nothing to show without a draft or without anyone to ask', async () => {
    const host = mount(new CheckHost());
    assertEqual(host.check.latest, undefined);
    host.name = 'bad';
    await waitFor(() => host.asked.includes('bad'));
    const refused = new Error('refused');
    host.fail('bad', refused);
    await waitFor(() => host.failures.length === 1);
    assertEqual(host.failures[0], refused);
    assertEqual(host.check.answer, undefined);
    host.connected = false;
    host.name = 'later';
    await sleep(60);
    assertDeepEqual(host.asked, ['bad'], 'no one to ask: nothing asked');
    assertEqual(host.check.answer, undefined);
    host.name = '';
    await host.updateComplete;
    assertEqual(host.check.latest, undefined);
  });
});
