import { LitElement } from 'lit';
import {
  API_BASE,
  assert,
  assertDeepEqual,
  assertEqual,
  cleanup,
  type FetchStub,
  mount,
  problem,
  sseResponse,
  stubFetch,
  waitFor,
} from '../../test/helpers.js';
import { BffClient } from '../api/bff-client.js';
import type { ServerSentEvent } from '../utils/sse.js';
import { EventStreamController } from './event-stream-controller.js';

class StreamHost extends LitElement {
  events: ServerSentEvent[] = [];
  statuses: boolean[] = [];
  stream = new EventStreamController(this, {
    initialDelayMs: 5,
    onEvent: (event) => this.events.push(event),
    onStatus: (open) => this.statuses.push(open),
  });
}
customElements.define('test-stream-host', StreamHost);

describe('EventStreamController', () => {
  let stub: FetchStub;
  let tokens: string[];
  beforeEach(() => {
    stub = stubFetch();
    tokens = ['t1'];
  });
  afterEach(() => {
    cleanup();
    stub.restore();
  });

  const client = () =>
    new BffClient({
      apiBase: API_BASE,
      getToken: async () => tokens[tokens.length - 1] ?? '',
      refreshToken: async () => {
        tokens.push(`t${tokens.length + 1}`);
        return tokens[tokens.length - 1] ?? '';
      },
    });

  it('streams events with the bearer token and resumes after a drop with Last-Event-ID', async () => {
    stub.on(
      '/v1/widget/events',
      () =>
        sseResponse(
          [
            'id: 1\nevent: tenant\ndata: {"id":"a"}\n\n',
            ': heartbeat\n\nid: 2\nevent: operation-request\ndata: {"id":"r"}\n\n',
          ],
          undefined,
          true,
        ),
      { once: true },
    );
    stub.on('/v1/widget/events', (request) =>
      sseResponse(['id: 3\nevent: tenant\ndata: {"id":"b"}\n\n'], request.signal),
    );
    const host = mount(new StreamHost());
    host.stream.start(client());
    await waitFor(() => host.events.length === 3, 'three events');
    assertDeepEqual(
      host.events.map((e) => [e.type, e.data, e.lastEventId]),
      [
        ['tenant', '{"id":"a"}', '1'],
        ['operation-request', '{"id":"r"}', '2'],
        ['tenant', '{"id":"b"}', '3'],
      ],
    );
    const [first, second] = stub.requestsTo('/v1/widget/events');
    assertEqual(first?.authorization, 'Bearer t1');
    assertEqual(first?.headers.get('accept'), 'text/event-stream');
    assertEqual(first?.headers.get('last-event-id'), null);
    assertEqual(second?.headers.get('last-event-id'), '2');
    assertDeepEqual(host.statuses, [true, false, true]);
    assert(host.stream.open, 'open');
  });

  it('gets a fresh token on 401 and backs off while the BFF refuses', async () => {
    stub.on('/v1/widget/events', () => problem(401, 'expired'), { once: true });
    stub.on('/v1/widget/events', () => problem(503, 'down'), { once: true });
    stub.on('/v1/widget/events', (request) => sseResponse(['data: hello\n\n'], request.signal));
    const host = mount(new StreamHost());
    host.stream.start(client());
    await waitFor(() => host.events.length === 1, 'an event after the retries');
    assertDeepEqual(
      stub.requestsTo('/v1/widget/events').map((r) => r.authorization),
      ['Bearer t1', 'Bearer t2', 'Bearer t2'],
    );
  });

  it('closes the stream when the host leaves the page and opens it again when it returns', async () => {
    const host = mount(new StreamHost());
    host.stream.start(client());
    await waitFor(() => host.stream.open, 'open');
    const [request] = stub.requestsTo('/v1/widget/events');
    host.remove();
    assert(request?.signal?.aborted, 'the request is aborted');
    assertEqual(host.stream.open, false);
    document.body.append(host);
    await waitFor(() => host.stream.open, 'open again');
    assertEqual(stub.requestsTo('/v1/widget/events').length, 2);
    host.remove();
  });
});
