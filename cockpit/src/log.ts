import { createLogger } from '@scc/service-kit/log';

/**
 * The cockpit process's log. Background work (workers, the outbox, the live feed, the status sync)
 * reports through it; `main.ts` gives it to the app, whose requests log through children of it.
 */
export const cockpitLog = createLogger('cockpit');
