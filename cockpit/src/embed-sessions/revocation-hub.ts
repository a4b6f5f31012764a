import type { KeyChangedEvent, RevocationFeedEvent } from '@scc/contracts/embed-sessions';
import { type Database, EMBED_SESSION_REVOKED_CHANNEL, listen, type Unlisten } from '@scc/db';
import { cockpitLog } from '../log.js';

type Listener = (event: RevocationFeedEvent | KeyChangedEvent) => void;

export interface RevocationHub {
  /**
   * Calls `listener` for each session of `hostId` revoked from now on; resolves once the LISTEN
   * is in place. `lost` is called when notifications may have been missed.
   */
  subscribe(hostId: string, listener: Listener, lost: () => void): Promise<() => void>;
  close(): Promise<void>;
}

/**
 * One LISTEN per cockpit process for revoked embed sessions and changed host API keys
 * (migration 0019), relayed to the
 * revocation feeds of the BFF processes connected to this process, each filtered to its host.
 * A LISTEN that drops and returns may have missed notifications: every feed is then ended, and
 * its BFF reconnects and reads the revoked sessions afresh.
 */
export function createRevocationHub(systemDb: Database): RevocationHub {
  const subscribers = new Set<{ hostId: string; listener: Listener; end: () => void }>();
  let started: Promise<Unlisten> | undefined;
  let listening = false;

  const deliver = (payload: string) => {
    let event: { hostId?: unknown; id?: unknown; expiresAt?: unknown; keyId?: unknown };
    try {
      event = JSON.parse(payload) as typeof event;
    } catch {
      return;
    }
    let feedEvent: RevocationFeedEvent | KeyChangedEvent;
    if (typeof event.keyId === 'string') feedEvent = { keyId: event.keyId };
    else if (typeof event.id === 'string' && typeof event.expiresAt === 'string') {
      feedEvent = { id: event.id, expiresAt: new Date(event.expiresAt).toISOString() };
    } else return;
    for (const s of subscribers) if (s.hostId === event.hostId) s.listener(feedEvent);
  };

  const start = () => {
    started ??= listen(systemDb, EMBED_SESSION_REVOKED_CHANNEL, deliver, () => {
      if (listening) for (const s of subscribers) s.end();
      listening = true;
    }).catch((error: unknown) => {
      started = undefined;
      cockpitLog.error('revocation feed: LISTEN failed', { error });
      throw error;
    });
    return started;
  };

  return {
    async subscribe(hostId, listener, lost) {
      await start();
      const entry = { hostId, listener, end: lost };
      subscribers.add(entry);
      return () => subscribers.delete(entry);
    },
    async close() {
      subscribers.clear();
      const unlisten = await started?.catch(() => undefined);
      started = undefined;
      await unlisten?.();
    },
  };
}
