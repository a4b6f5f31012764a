import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { HostRegistry } from '../hosts/host-registry.js';
import { loadSigningKey } from '../keys/signing-keys.js';

const run = promisify(execFile);
const admin = fileURLToPath(new URL('./admin.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'scc-admin-'));
const registry = join(dir, 'hosts.json');
const home = '5af68a99-b6c5-5d2f-8ad8-f027ab2faccd';

const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', admin, ...args]);
const register = (id: string) =>
  cli(
    'register-host',
    '--registry',
    registry,
    '--id',
    id,
    '--name',
    'Acme',
    '--home',
    home,
    '--origin',
    'https://acme.example',
  );
const keyIn = (stdout: string) => /API key[^:]*: (\S+)/.exec(stdout)?.[1] ?? '';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bff admin CLI', () => {
  it('registers a host: prints the key once and stores only its hash', async () => {
    const { stdout } = await register('acme');
    const apiKey = keyIn(stdout);
    expect(apiKey).toMatch(/^acme\./);
    const stored = readFileSync(registry, 'utf8');
    expect(stored).not.toContain(apiKey);
    expect(HostRegistry.fromSource(registry).authenticate(apiKey)?.id).toBe('acme');
  });

  it('re-keying a host replaces its entry and invalidates the old key', async () => {
    const first = keyIn((await register('beta')).stdout);
    const second = keyIn((await register('beta')).stdout);
    const hosts = HostRegistry.fromSource(registry);
    expect(hosts.authenticate(first)).toBeUndefined();
    expect(hosts.authenticate(second)?.id).toBe('beta');
    expect((JSON.parse(readFileSync(registry, 'utf8')) as { id: string }[]).map((h) => h.id).sort()).toEqual([
      'acme',
      'beta',
    ]);
  });

  it('refuses bad input naming each flag, and writes nothing', async () => {
    const before = readFileSync(registry, 'utf8');
    const failure = await cli(
      'register-host',
      '--registry',
      registry,
      '--id',
      'Bad Id',
      '--name',
      'X',
      '--home',
      'nope',
      '--origin',
      'file:///etc',
    )
      .then(() => undefined)
      .catch((error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('--id:');
    expect(failure?.stderr).toContain('--home:');
    expect(failure?.stderr).toContain('--origin:');
    expect(readFileSync(registry, 'utf8')).toBe(before);
  });

  it('makes signing keys and the public JWKS the cockpit trusts', async () => {
    const privateJwk = (await cli('new-signing-key', '--kid', 'svc-test')).stdout.trim();
    const file = join(dir, 'service.json');
    writeFileSync(file, privateJwk);
    const key = await loadSigningKey(file);
    expect(key.kid).toBe('svc-test');
    const jwks = JSON.parse((await cli('public-jwks', file)).stdout) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kid: 'svc-test', kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('api-key refuses missing and bad flags, naming each, before it calls any cockpit', async () => {
    await register('gamma');
    const failure = (...args: string[]) =>
      cli('api-key', ...args)
        .then(() => undefined)
        .catch((error: { code: number; stderr: string }) => error);
    const missing = await failure('revoke', '--registry', registry, '--host', 'gamma');
    expect(missing?.code).toBe(2);
    for (const flag of ['--cockpit', '--service-key', '--key-id'])
      expect(missing?.stderr).toContain(`${flag} is required`);
    const bad = await failure(
      'rotate',
      '--registry',
      registry,
      '--host',
      'nobody',
      '--cockpit',
      'http://127.0.0.1:9',
      '--service-key',
      join(dir, 'service.json'),
      '--expires-in-days',
      '0',
      '--overlap-hours',
      'soon',
    );
    expect(bad?.code).toBe(2);
    expect(bad?.stderr).toContain('--expires-in-days:');
    expect(bad?.stderr).toContain('--overlap-hours:');
    expect(bad?.stderr).toContain('--host: no host nobody');
  });

  it('identity-provider refuses missing flags, naming each, before it calls any cockpit', async () => {
    await register('delta');
    const missing = await cli('identity-provider', 'add', '--registry', registry, '--host', 'delta')
      .then(() => undefined)
      .catch((error: { code: number; stderr: string }) => error);
    expect(missing?.code).toBe(2);
    for (const flag of ['--cockpit', '--service-key', '--unit', '--issuer', '--audience'])
      expect(missing?.stderr).toContain(`${flag} is required`);
  });

  it('collector refuses missing flags, naming each, before it calls any cockpit', async () => {
    await register('echo');
    const missing = await cli('collector', 'create', '--registry', registry, '--host', 'echo')
      .then(() => undefined)
      .catch((error: { code: number; stderr: string }) => error);
    expect(missing?.code).toBe(2);
    for (const flag of ['--cockpit', '--service-key', '--unit', '--name'])
      expect(missing?.stderr).toContain(`${flag} is required`);
  });
});
