import type { Database } from './client.js';

export type Unlisten = () => Promise<void>;

interface PostgresJsClient {
  listen(
    channel: string,
    handler: (payload: string) => void,
    onListen?: () => void,
  ): Promise<{ unlisten(): Promise<void> }>;
}
interface PgliteClient {
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
}

/**
 * LISTEN on one channel with the driver under `db`: postgres.js keeps one dedicated connection
 * for all its listeners and re-listens after a reconnect, calling `onListen` each time the
 * LISTEN is in place (notifications sent while it was not are lost: catch up then); PGlite
 * delivers in process and calls `onListen` once.
 */
export async function listen(
  db: Database,
  channel: string,
  handler: (payload: string) => void,
  onListen: () => void = () => {},
): Promise<Unlisten> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client && typeof client === 'function' && 'listen' in client) {
    const { unlisten } = await (client as unknown as PostgresJsClient).listen(channel, handler, onListen);
    return unlisten;
  }
  if (client && typeof client === 'object' && 'listen' in client) {
    const unlisten = await (client as PgliteClient).listen(channel, handler);
    onListen();
    return unlisten;
  }
  throw new Error('this database driver cannot LISTEN');
}
