/**
 * The BFF calls of the notification list. They come with the notifications chunk instead of the
 * entry: loading this module adds them to `BffClient.prototype` (see admin-calls.ts).
 */
import { BffClient, query, record } from './bff-client.js';
import type { AlertPage, MarkedRead } from './types.js';

declare module './bff-client.js' {
  interface BffClient {
    /** A page of the subtree's alerts, newest first, with the caller's unread count. */
    listAlerts(options?: { unread?: boolean; cursor?: string }, signal?: AbortSignal): Promise<AlertPage>;
    /** Marks some alerts (or, without ids, every alert so far) read for the caller. */
    markAlertsRead(ids?: string[]): Promise<MarkedRead>;
  }
}

const alertCalls: ThisType<BffClient> & Pick<BffClient, 'listAlerts' | 'markAlertsRead'> = {
  listAlerts(options = {}, signal) {
    const path = `/v1/widget/alerts${query({ unread: options.unread ? 'true' : undefined, cursor: options.cursor })}`;
    return this.request(path, { signal }, (body: unknown) => {
      const page = record<AlertPage>(body);
      return page && Array.isArray(page.items) && typeof page.unread === 'number' ? page : undefined;
    });
  },

  markAlertsRead(ids) {
    const body = ids ? { ids } : { all: true as const };
    return this.request('/v1/widget/alerts/read', { method: 'POST', body }, record<MarkedRead>);
  },
};

Object.assign(BffClient.prototype, alertCalls);
