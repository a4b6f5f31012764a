import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type HostApplication, HostRegistry, hashApiKey, newApiKey } from './host-registry.js';

const home = randomUUID();

function hostWithKey(id: string, overrides: Partial<HostApplication> = {}) {
  const apiKey = newApiKey(id);
  const entry: HostApplication = {
    id,
    name: `Host ${id}`,
    apiKeyHash: hashApiKey(apiKey),
    homeBusinessUnitId: home,
    allowedOrigins: [`https://${id}.example`],
    ...overrides,
  };
  return { apiKey, entry };
}

const secretOf = (apiKey: string) => apiKey.slice(apiKey.indexOf('.') + 1);

describe('API keys', () => {
  it('are <host id>.<256-bit random secret>, different every time', () => {
    const a = newApiKey('portal');
    const b = newApiKey('portal');
    expect(a).toMatch(/^portal\.[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secretOf(a), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('are stored as a SHA-256 hex digest, never in plain', () => {
    const { apiKey, entry } = hostWithKey('portal');
    const registry = new HostRegistry([entry]);
    const stored = registry.get('portal');
    expect(stored?.apiKeyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.apiKeyHash).toBe(hashApiKey(apiKey));
    expect(JSON.stringify(stored)).not.toContain(secretOf(apiKey));
    expect(JSON.stringify(stored)).not.toContain(apiKey);
    expect(hashApiKey(apiKey)).not.toBe(hashApiKey(newApiKey('portal')));
  });

  it('cannot be registered in plain instead of the hash', () => {
    const { apiKey, entry } = hostWithKey('portal');
    expect(() => new HostRegistry([{ ...entry, apiKeyHash: apiKey }])).toThrow(/apiKeyHash/);
    expect(() => new HostRegistry([{ ...entry, apiKey } as HostApplication])).toThrow(/apiKey/);
  });
});

describe('authenticate', () => {
  const portal = hostWithKey('portal');
  const other = hostWithKey('other-portal');
  const registry = new HostRegistry([portal.entry, other.entry]);

  it('accepts each host’s own key and returns that host', () => {
    expect(registry.authenticate(portal.apiKey)?.id).toBe('portal');
    expect(registry.authenticate(other.apiKey)?.id).toBe('other-portal');
  });

  it('refuses wrong keys', () => {
    const key = portal.apiKey;
    const flip = (at: number) => key.slice(0, at) + (key[at] === 'A' ? 'B' : 'A') + key.slice(at + 1);
    const wrong = [
      newApiKey('portal'),
      flip(key.length - 1),
      flip(key.indexOf('.') + 1),
      key.slice(0, -1),
      `${key}A`,
      ` ${key}`,
      `${key} `,
      key.toUpperCase(),
      `portal.${secretOf(other.apiKey)}`,
      `other-portal.${secretOf(key)}`,
      portal.entry.apiKeyHash ?? '',
      `portal.${portal.entry.apiKeyHash}`,
      'portal',
      'portal.',
    ];
    for (const candidate of wrong) expect(registry.authenticate(candidate), candidate).toBeUndefined();
  });

  it('refuses keys of unknown hosts, empty and garbage keys', () => {
    for (const candidate of [`ghost.${secretOf(portal.apiKey)}`, newApiKey('ghost'), '', '.', '...', 'garbage']) {
      expect(registry.authenticate(candidate), candidate).toBeUndefined();
    }
  });
});

describe('registry entries', () => {
  it('rejects an invalid allowed origin at construction, naming the field', () => {
    for (const origin of ['not a url', '', 'portal.example']) {
      const { entry } = hostWithKey('portal', { allowedOrigins: [origin] });
      expect(() => new HostRegistry([entry]), origin).toThrow(/allowedOrigins/);
    }
  });

  it('rejects origins that are not http(s): they would all read as the opaque origin "null"', () => {
    for (const origin of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi']) {
      const { entry } = hostWithKey('portal', { allowedOrigins: [origin] });
      expect(() => new HostRegistry([entry]), origin).toThrow(/allowedOrigins/);
    }
  });

  it('rejects a host without any allowed origin', () => {
    const { entry } = hostWithKey('portal', { allowedOrigins: [] });
    expect(() => new HostRegistry([entry])).toThrow(/allowedOrigins/);
  });

  it('rejects a home that is not a uuid, naming the field', () => {
    for (const homeBusinessUnitId of ['contoso', '', '1234']) {
      const { entry } = hostWithKey('portal', { homeBusinessUnitId });
      expect(() => new HostRegistry([entry]), homeBusinessUnitId).toThrow(/homeBusinessUnitId/);
    }
  });

  it('rejects ids that could not be told apart in a key', () => {
    for (const id of ['with.dot', 'Upper', '', '-lead']) {
      const { entry } = hostWithKey('portal', { id });
      expect(() => new HostRegistry([entry]), id).toThrow(/id/);
    }
  });

  it('reads a registry from JSON text or a file, validating it the same way', async () => {
    const { apiKey, entry } = hostWithKey('portal');
    expect(HostRegistry.fromSource(JSON.stringify([entry])).authenticate(apiKey)?.id).toBe('portal');

    const dir = await mkdtemp(join(tmpdir(), 'scc-hosts-'));
    try {
      const file = join(dir, 'hosts.json');
      await writeFile(file, JSON.stringify([entry]));
      expect(HostRegistry.fromSource(file).authenticate(apiKey)?.id).toBe('portal');
      await writeFile(file, JSON.stringify([{ ...entry, homeBusinessUnitId: 'contoso' }]));
      expect(() => HostRegistry.fromSource(file)).toThrow(/homeBusinessUnitId/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('origins', () => {
  const portal = hostWithKey('portal', { allowedOrigins: ['https://app.portal.example', 'http://localhost:3000/'] });
  const other = hostWithKey('other-portal');
  const registry = new HostRegistry([portal.entry, other.entry]);

  it('collects every registered origin in normalized form', () => {
    expect([...registry.allOrigins()].sort()).toEqual(
      ['http://localhost:3000', 'https://app.portal.example', 'https://other-portal.example'].sort(),
    );
  });

  it('allows a host only its own origins, exactly', () => {
    expect(registry.allows(portal.entry, 'https://app.portal.example')).toBe(true);
    expect(registry.allows(portal.entry, 'http://localhost:3000')).toBe(true);
    for (const origin of [
      'https://other-portal.example',
      'http://app.portal.example',
      'https://app.portal.example:8443',
      'https://app.portal.example.evil.example',
      'https://evil.example',
      'null',
      '',
    ]) {
      expect(registry.allows(portal.entry, origin), origin).toBe(false);
    }
  });
});
