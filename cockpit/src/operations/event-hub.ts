import { type Database, listen, operationRequestEvents, type Scope, type Unlisten, withScope } from '@scc/db';
import { asc, gt, sql } from 'drizzle-orm';
import { cockpitLog } from '../log.js';

export const EVENT_CHANNEL = 'scc_operation_events';

export interface OperationEvent {
  /** The feed position (the SSE event id): assigned at commit, so it follows the commit order. */
  id: number;
  kind: 'operation-request' | 'tenant' | 'alert';
  buPath: string;
  payload: unknown;
}

export type EventListener = (event: OperationEvent) => void;

/**
 * One LISTEN per cockpit process, fanned out in process: each notification burst costs one
 * query however many clients listen, and each client gets only events of its subtree.
 *
 * Notifications only wake the hub; it reads every event after the last position it delivered.
 * A position becomes visible only after every lower one (migration 0012), so reading "after my
 * cursor" never skips an event, and a lost notification — the LISTEN connection dropped, the
 * database restarted — costs delay, not events: the hub catches up when the LISTEN is back and
 * on a slow poll in between.
 */
export interface EventHub {
  /** Puts the LISTEN in place and reads the newest position; `subscribe` does it on first use. */
  start(): Promise<void>;
  /** Resolves once the LISTEN is in place, so nothing committed afterwards is missed. */
  subscribe(scopePath: string, listener: EventListener): Promise<() => void>;
  readonly subscribers: number;
  /** The LISTEN is in place and the last read of the feed succeeded: for readiness checks. */
  readonly healthy: boolean;
  close(): Promise<void>;
}

export interface EventHubOptions {
  /** Poll for events although no notification came (a lost one, a LISTEN being re-established). */
  pollMs?: number;
  /** Events read per query while catching up. */
  pageSize?: number;
}

export function isInSubtree(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(`${rootPath}.`);
}

const eventColumns = {
  id: sql<number>`${operationRequestEvents.position}`.mapWith(Number),
  kind: operationRequestEvents.kind,
  buPath: sql<string>`${operationRequestEvents.buPath}::text`,
  payload: operationRequestEvents.payload,
};

/** Every position is set by the time its transaction commits, so `>` never meets a null. */
const afterPosition = (position: number) => gt(operationRequestEvents.position, position);

/** `systemDb` reads events of every subtree; the hub filters per subscriber. */
export function createEventHub(systemDb: Database, options: EventHubOptions = {}): EventHub {
  const pollMs = options.pollMs ?? 1000;
  const pageSize = options.pageSize ?? 500;
  const subscribers = new Set<{ scopePath: string; listener: EventListener }>();
  let listening: Promise<Unlisten> | undefined;
  let listenerInPlace = false;
  let lastReadFailed = false;
  /** The last position handed to subscribers; undefined until the LISTEN is first in place. */
  let cursor: number | undefined;
  let reading: Promise<number> | undefined;
  let readAgain = false;
  let poll: NodeJS.Timeout | undefined;
  let closed = false;
  let loggedFailure = false;
  /** Events found by the poll that no notification announced, in polls one after another. */
  let unannounced = 0;
  let notified = false;

  const dispatch = (events: OperationEvent[]) => {
    for (const event of events) {
      for (const subscriber of subscribers) {
        if (!isInSubtree(event.buPath, subscriber.scopePath)) continue;
        try {
          subscriber.listener(event);
        } catch (error) {
          cockpitLog.error('event listener failed', { error });
        }
      }
    }
  };

  /** Reads and dispatches what was committed after the cursor; answers how many events that was. */
  const readNewEvents = async (): Promise<number> => {
    if (cursor === undefined) {
      const [row] = await systemDb
        .select({ last: sql<number>`coalesce(max(${operationRequestEvents.position}), 0)`.mapWith(Number) })
        .from(operationRequestEvents);
      cursor = row?.last ?? 0;
      return 0;
    }
    let found = 0;
    for (;;) {
      const rows = (await systemDb
        .select(eventColumns)
        .from(operationRequestEvents)
        .where(afterPosition(cursor))
        .orderBy(asc(operationRequestEvents.position))
        .limit(pageSize)) as OperationEvent[];
      const last = rows.at(-1);
      if (!last) return found;
      cursor = last.id;
      found += rows.length;
      if (subscribers.size > 0) dispatch(rows);
      if (rows.length < pageSize) return found;
    }
  };

  /** One read at a time; a wake-up during a read asks for one more read after it. Answers how many events it read. */
  const wake = (): Promise<number> => {
    if (closed) return Promise.resolve(0);
    if (reading) {
      readAgain = true;
      return reading;
    }
    const read = (async () => {
      let found = 0;
      do {
        readAgain = false;
        try {
          found += await readNewEvents();
          lastReadFailed = false;
          loggedFailure = false;
        } catch (error) {
          lastReadFailed = true;
          // The poll retries; one line per outage is enough.
          if (!loggedFailure) cockpitLog.warn('event hub could not read the feed; retrying', { error });
          loggedFailure = true;
          return found;
        }
      } while (readAgain && !closed);
      return found;
    })().finally(() => {
      reading = undefined;
    });
    reading = read;
    return read;
  };

  const onNotify = () => {
    notified = true;
    void wake();
  };

  /**
   * postgres.js re-listens after a dropped connection, but gives up silently when the database
   * refuses it at that moment. Polls that keep finding events nobody announced mean the LISTEN
   * is gone: put a new one in place.
   */
  const onPoll = async () => {
    const announced = notified;
    notified = false;
    const found = await wake();
    unannounced = found > 0 && !announced ? unannounced + 1 : 0;
    if (unannounced < 2 || closed) return;
    unannounced = 0;
    listenerInPlace = false;
    const previous = listening;
    listening = undefined;
    await previous?.then((unlisten) => unlisten()).catch(() => {});
    await listenOnce().catch(() => {});
  };

  const listenOnce = () => {
    listening ??= listen(systemDb, EVENT_CHANNEL, onNotify, () => {
      listenerInPlace = true;
      void wake();
    }).catch((error: unknown) => {
      listening = undefined;
      throw error;
    });
    return listening;
  };

  async function start() {
    if (closed) throw new Error('event hub closed');
    poll ??= setInterval(() => void onPoll(), pollMs);
    poll.unref?.();
    await listenOnce();
    // The cursor starts at the newest position once the LISTEN is in place.
    while (cursor === undefined && !closed) {
      await wake();
      if (lastReadFailed) throw new Error('the live feed cannot be read');
    }
  }

  return {
    start,
    async subscribe(scopePath, listener) {
      await start();
      const entry = { scopePath, listener };
      subscribers.add(entry);
      return () => {
        subscribers.delete(entry);
      };
    },
    get subscribers() {
      return subscribers.size;
    },
    get healthy() {
      return listenerInPlace && !lastReadFailed;
    },
    async close() {
      closed = true;
      subscribers.clear();
      if (poll) clearInterval(poll);
      const unlisten = listening;
      listening = undefined;
      await reading;
      if (unlisten) await (await unlisten)().catch(() => {});
    },
  };
}

/**
 * Events of the caller's subtree after position `after`, oldest first, at most `limit`: the SSE
 * route pages through a reconnect's backlog with it.
 */
export function replayEvents(db: Database, scope: Scope, after: number, limit = 500): Promise<OperationEvent[]> {
  return withScope(
    db,
    scope,
    (tx) =>
      tx
        .select(eventColumns)
        .from(operationRequestEvents)
        .where(afterPosition(after))
        .orderBy(asc(operationRequestEvents.position))
        .limit(limit),
    { readOnly: true },
  ) as Promise<OperationEvent[]>;
}
