import { assertDeepEqual, assertEqual } from '../../test/helpers.js';
import { SseParser } from './sse.js';

describe('SseParser', () => {
  it('parses named events with ids, multi-line data and comments', () => {
    const parser = new SseParser();
    const events = parser.feed(': heartbeat\n\nid: 7\nevent: tenant\ndata: {"a":1,\ndata:  "b":2}\n\ndata: plain\n\n');
    assertDeepEqual(events, [
      { type: 'tenant', data: '{"a":1,\n "b":2}', lastEventId: '7' },
      { type: 'message', data: 'plain', lastEventId: '7' },
    ]);
  });

  it('joins chunks split anywhere, also between \\r and \\n', () => {
    const parser = new SseParser();
    const text = 'id: 41\r\nevent: operation-request\r\ndata: {"id":"r1"}\r\n\r\nid: 42\rdata: x\r\r';
    const events = [];
    for (const char of text) events.push(...parser.feed(char));
    assertDeepEqual(
      events.map((e) => [e.type, e.data, e.lastEventId]),
      [
        ['operation-request', '{"id":"r1"}', '41'],
        ['message', 'x', '42'],
      ],
    );
  });

  it('dispatches nothing for an event without data and nothing before the blank line', () => {
    const parser = new SseParser();
    assertDeepEqual(parser.feed('event: tenant\n\nid: 3\ndata: half'), []);
    assertEqual(parser.lastEventId, '3', 'an id counts even before its event is complete');
    assertDeepEqual(parser.feed('\n\n'), [{ type: 'message', data: 'half', lastEventId: '3' }]);
  });

  it('reads retry and ignores malformed retry values and ids with NUL', () => {
    const parser = new SseParser();
    parser.feed('retry: 2500\nretry: soon\nid: 9\nid: bad\0id\n\n');
    assertEqual(parser.retry, 2500);
    assertEqual(parser.lastEventId, '9');
  });
});
