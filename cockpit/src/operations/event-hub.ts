import { type Database, listen, operationRequestEvents, type Unlisten, withScope } from '@scc/db';
import { asc, gt, inArray, sql } from 'drizzle-orm';

export const EVENT_CHANNEL = 'scc_operation_events';

export interface OperationEvent {
  id: number;
  kind: 'operation-request' | 'tenant';
  buPath: string;
  payload: unknown;
}

export type EventListener = (event: OperationEvent) => void;

/**
 * One LISTEN per cockpit process, fanned out in process: each notification burst costs one
 * query however many clients listen, and each client gets only events of its subtree.
 */
export interface EventHub {
  /** Resolves once the LISTEN is in place, so nothing committed afterwards is missed. */
  subscribe(scopePath: string, listener: EventListener): Promise<() => void>;
  readonly subscribers: number;
  close(): Promise<void>;
}

export function isInSubtree(path: string, rootPath: string): boolean {
  return path === rootPath || path.startsWith(`${rootPath}.`);
}

const eventColumns = {
  id: operationRequestEvents.id,
  kind: operationRequestEvents.kind,
  buPath: sql<string>`${operationRequestEvents.buPath}::text`,
  payload: operationRequestEvents.payload,
};

/** `systemDb` reads events of every subtree; the hub filters per subscriber. */
export function createEventHub(systemDb: Database): EventHub {
  const subscribers = new Set<{ scopePath: string; listener: EventListener }>();
  let listening: Promise<Unlisten> | undefined;
  let pending: number[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let closed = false;

  const dispatch = (events: OperationEvent[]) => {
    for (const event of events) {
      for (const subscriber of subscribers) {
        if (!isInSubtree(event.buPath, subscriber.scopePath)) continue;
        try {
          subscriber.listener(event);
        } catch (error) {
          console.error('event listener failed', error);
        }
      }
    }
  };

  const flush = async () => {
    const ids = pending;
    pending = [];
    if (ids.length === 0 || subscribers.size === 0) return;
    const rows = await systemDb
      .select(eventColumns)
      .from(operationRequestEvents)
      .where(inArray(operationRequestEvents.id, ids))
      .orderBy(asc(operationRequestEvents.id));
    dispatch(rows as OperationEvent[]);
  };

  const onNotify = (payload: string) => {
    const id = Number(payload);
    if (!Number.isSafeInteger(id) || closed) return;
    pending.push(id);
    // Notifications of one burst share one query; flushes run one after another to keep order.
    if (pending.length === 1) {
      flushing = flushing
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(flush)
        .catch((error) => {
          console.error('event hub could not read events', error);
        });
    }
  };

  return {
    async subscribe(scopePath, listener) {
      if (closed) throw new Error('event hub closed');
      listening ??= listen(systemDb, EVENT_CHANNEL, onNotify);
      await listening;
      const entry = { scopePath, listener };
      subscribers.add(entry);
      return () => {
        subscribers.delete(entry);
      };
    },
    get subscribers() {
      return subscribers.size;
    },
    async close() {
      closed = true;
      subscribers.clear();
      const unlisten = listening;
      listening = undefined;
      await flushing;
      if (unlisten) await (await unlisten)().catch(() => {});
    },
  };
}

/** Events of the caller's subtree after `afterId`, oldest first: one query per (re)connect. */
export function replayEvents(
  db: Database,
  scopePath: string,
  afterId: number,
  limit = 1000,
): Promise<OperationEvent[]> {
  return withScope(db, scopePath, (tx) =>
    tx
      .select(eventColumns)
      .from(operationRequestEvents)
      .where(gt(operationRequestEvents.id, afterId))
      .orderBy(asc(operationRequestEvents.id))
      .limit(limit),
  ) as Promise<OperationEvent[]>;
}
