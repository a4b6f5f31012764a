import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, limitKeyOf, UNKNOWN_CLIENT } from './client-ip.js';

describe('limitKeyOf', () => {
  it('keys IPv4 by the address, also when written as IPv4-mapped IPv6', () => {
    expect(limitKeyOf('192.0.2.7')).toBe('192.0.2.7');
    expect(limitKeyOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('keys IPv6 by its /64, however it is written', () => {
    expect(limitKeyOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitKeyOf('::1')).toBe('0:0:0:0::/64');
  });
});

describe('clientAddressOf', () => {
  const addressSeenBy = async (hops: number, forwardedFor?: string) => {
    const app = new Hono().get('/', (c) => c.text(clientAddressOf(hops)(c)));
    const res = await app.request('/', { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
    return res.text();
  };

  it('behind n proxies takes the entry the outermost one appended, never what the client wrote left of it', async () => {
    expect(await addressSeenBy(1, '10.9.9.9, 198.51.100.5')).toBe('198.51.100.5');
    expect(await addressSeenBy(2, '10.9.9.9, 198.51.100.5, 10.0.0.2')).toBe('198.51.100.5');
    expect(await addressSeenBy(2, '198.51.100.5')).toBe('198.51.100.5');
  });

  it('without proxies ignores X-Forwarded-For; with no socket (in-process) every caller is one unknown client', async () => {
    expect(await addressSeenBy(0, '198.51.100.5')).toBe(UNKNOWN_CLIENT);
    expect(await addressSeenBy(1)).toBe(UNKNOWN_CLIENT);
  });
});
