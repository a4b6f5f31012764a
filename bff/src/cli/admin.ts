import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectCockpit } from '../cockpit/cockpit-client.js';
import {
  type HostApplication,
  HostApplicationSchema,
  HostRegistry,
  hashApiKey,
  newApiKey,
} from '../hosts/host-registry.js';
import { generateSigningKey, loadSigningKey } from '../keys/signing-keys.js';
import { createHostApiKey, listHostApiKeys, revokeHostApiKey } from './host-api-keys.js';

/**
 * Operator tools for a BFF deployment:
 *   register-host --registry hosts.json --id acme --name "Acme" --home <business unit id> --origin https://acme.example
 *     adds (or re-keys) a host application and prints its API key once; only the hash is stored.
 *   new-signing-key --kid widget-2026-11 > widget-key.json
 *     prints a private P-256 JWK for BFF_WIDGET_SIGNING_KEY or BFF_SERVICE_SIGNING_KEY.
 *   public-jwks service-key.json [older-service-key.json …] > service-jwks.json
 *     prints the public JWKS the cockpit trusts (SCC_SERVICE_PUBLIC_KEYS).
 *   api-key create|rotate|list|revoke --registry hosts.json --host acme --cockpit http://cockpit:4010
 *       --service-key service-key.json [--expires-in-days 90] [--overlap-hours 24] [--key-id <uuid>]
 *     manages the host's API keys kept in the cockpit (several per host): `create` adds one and
 *     prints it once, `rotate` adds one and lets every other live key expire after the overlap
 *     (default 24 hours), `list` shows them with their last use, `revoke` ends one at once.
 */
const [command, ...rest] = process.argv.slice(2);

if (command === 'register-host') {
  const { values } = parseArgs({
    args: rest,
    options: {
      registry: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      home: { type: 'string' },
      origin: { type: 'string', multiple: true },
    },
    strict: true,
  });
  if (!values.registry) throw new Error('--registry <file> is required');
  const apiKey = newApiKey(values.id ?? '');
  const parsed = HostApplicationSchema.safeParse({
    id: values.id,
    name: values.name,
    apiKeyHash: hashApiKey(apiKey),
    homeBusinessUnitId: values.home,
    allowedOrigins: values.origin ?? [],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${flagOf(issue.path)}: ${issue.message}`);
    process.exit(2);
  }
  const hosts: HostApplication[] = existsSync(values.registry)
    ? (JSON.parse(readFileSync(values.registry, 'utf8')) as HostApplication[])
    : [];
  const others = hosts.filter((h) => h.id !== parsed.data.id);
  writeFileSync(values.registry, `${JSON.stringify([...others, parsed.data], null, 2)}\n`, { mode: 0o600 });
  console.log(`${others.length < hosts.length ? 'Re-keyed' : 'Registered'} ${parsed.data.id} in ${values.registry}.`);
  console.log(`API key (shown once, give it to the host's backend): ${apiKey}`);
} else if (command === 'new-signing-key') {
  const { values } = parseArgs({ args: rest, options: { kid: { type: 'string' } }, strict: true });
  const key = await generateSigningKey(values.kid ?? `key-${new Date().toISOString().slice(0, 10)}`);
  console.log(JSON.stringify(key.privateJwk));
} else if (command === 'public-jwks' && rest.length > 0) {
  const keys = await Promise.all(rest.map((file) => loadSigningKey(file)));
  console.log(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
} else if (command === 'api-key' && rest[0] && ['create', 'rotate', 'list', 'revoke'].includes(rest[0])) {
  const [action, ...args] = rest;
  const { values } = parseArgs({
    args,
    options: {
      registry: { type: 'string' },
      host: { type: 'string' },
      cockpit: { type: 'string' },
      'service-key': { type: 'string' },
      'expires-in-days': { type: 'string' },
      'overlap-hours': { type: 'string' },
      'key-id': { type: 'string' },
    },
    strict: true,
  });
  const required = ['registry', 'host', 'cockpit', 'service-key', ...(action === 'revoke' ? ['key-id'] : [])] as const;
  const missing = required.filter((flag) => !values[flag as keyof typeof values]);
  for (const flag of missing) console.error(`--${flag} is required`);
  const days = values['expires-in-days'] === undefined ? undefined : Number(values['expires-in-days']);
  const hours = values['overlap-hours'] === undefined ? 24 : Number(values['overlap-hours']);
  if (days !== undefined && !(Number.isInteger(days) && days > 0))
    console.error('--expires-in-days: a whole number above 0');
  if (!(Number.isFinite(hours) && hours >= 0)) console.error('--overlap-hours: a number of hours, 0 or more');
  const host = values.registry && values.host ? HostRegistry.fromSource(values.registry).get(values.host) : undefined;
  if (values.registry && values.host && !host) console.error(`--host: no host ${values.host} in ${values.registry}`);
  if (!host || !values.cockpit || !values['service-key'] || missing.length > 0) process.exit(2);
  const cockpit = connectCockpit({ baseUrl: values.cockpit, serviceKey: await loadSigningKey(values['service-key']) });
  if (action === 'list') {
    for (const key of await listHostApiKeys(cockpit, host)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt}` : `expires ${key.expiresAt ?? 'never'}`;
      console.log(`${key.id}  created ${key.createdAt}  ${state}  last used ${key.lastUsedAt ?? 'never'}`);
    }
  } else if (action === 'revoke') {
    const key = await revokeHostApiKey(cockpit, host, values['key-id'] ?? '');
    console.log(`Revoked ${key.id} of ${host.id}.`);
  } else {
    const { apiKey, key } = await createHostApiKey(cockpit, host, {
      expiresInSeconds: days === undefined ? undefined : days * 24 * 3600,
      overlapSeconds: action === 'rotate' ? Math.round(hours * 3600) : undefined,
    });
    console.log(
      `${action === 'rotate' ? 'Rotated' : 'Created'} key ${key.id} of ${host.id}, expires ${key.expiresAt ?? 'never'}.`,
    );
    if (action === 'rotate') console.log(`Every other live key of ${host.id} expires within ${hours} hours.`);
    console.log(`API key (shown once, give it to the host's backend): ${apiKey}`);
  }
} else {
  console.error('usage: register-host --registry <file> --id <id> --name <name> --home <uuid> --origin <url>…');
  console.error('       new-signing-key [--kid <kid>]');
  console.error('       public-jwks <private key file>…');
  console.error(
    '       api-key create|rotate|list|revoke --registry <file> --host <id> --cockpit <url> --service-key <file>',
  );
  console.error('               [--expires-in-days <n>] [--overlap-hours <n>] [--key-id <uuid>]');
  process.exit(2);
}

function flagOf(path: PropertyKey[]): string {
  const names: Record<string, string> = { homeBusinessUnitId: 'home', allowedOrigins: 'origin' };
  const first = String(path[0] ?? '');
  return names[first] ?? first;
}
