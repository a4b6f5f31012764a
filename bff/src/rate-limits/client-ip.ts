import { isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Stands for callers whose address is unknown (an app called in-process): they share one budget. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client's address as the key of per-address limits. Behind `trustedProxyHops` proxies it is
 * the entry of `X-Forwarded-For` that the outermost trusted proxy appended (the entries left of it
 * are the client's own word, so anyone could fake them); without proxies it is the socket's peer.
 * An IPv6 client is keyed by its /64: one subscriber usually holds a whole /64 and could otherwise
 * take a fresh address for every request.
 */
export function clientAddressOf(trustedProxyHops: number): (c: Context) => string {
  return (c) => {
    // A request without the header came past the proxies: its socket's peer is the client.
    const address = (trustedProxyHops > 0 ? forwardedAddress(c, trustedProxyHops) : undefined) ?? socketAddress(c);
    return address ? limitKeyOf(address) : UNKNOWN_CLIENT;
  };
}

function forwardedAddress(c: Context, hops: number): string | undefined {
  const entries = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request skipped one of them; the leftmost is the farthest known.
  return entries[Math.max(0, entries.length - hops)];
}

function socketAddress(c: Context): string | undefined {
  // Without a Node server's bindings (app.request in-process) there is no socket to ask.
  if (!c.env || typeof c.env !== 'object' || !('incoming' in c.env || 'server' in c.env)) return undefined;
  return getConnInfo(c).remote.address;
}

export function limitKeyOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes('::') ? [...headGroups, ...Array(missing).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
