import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RegisterIdentityProvider } from '@scc/contracts/identity-providers';
import { connectCockpit } from '../cockpit/cockpit-client.js';
import {
  type HostApplication,
  HostApplicationSchema,
  HostRegistry,
  hashApiKey,
  newApiKey,
} from '../hosts/host-registry.js';
import { generateSigningKey, loadSigningKey } from '../keys/signing-keys.js';
import {
  createCollectorCredential,
  listCollectorCredentials,
  revokeCollectorCredential,
} from './collector-credentials.js';
import { createHostApiKey, listHostApiKeys, revokeHostApiKey } from './host-api-keys.js';
import { listIdentityProviders, registerIdentityProvider, removeIdentityProvider } from './identity-providers.js';

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
 *   identity-provider add|list|remove --registry hosts.json --host acme --cockpit http://cockpit:4010
 *       --service-key service-key.json --unit <business unit id> --issuer https://login.acme.example
 *       --audience <client id> --jwks-uri https://login.acme.example/jwks [--provision viewer] [--id <uuid>]
 *     trusts an OpenID Connect issuer for a unit of the host's subtree and everything below it, so the
 *     host's backend may exchange its users' ID tokens for widget tokens; `--provision` creates unknown
 *     users at their first sign-in with that role; `list` shows the registrations, `remove` ends one.
 *   collector create|list|revoke --registry hosts.json --host acme --cockpit http://cockpit:4010
 *       --service-key service-key.json [--unit <business unit id> --name "Backup exporter"] [--id <uuid>]
 *     a usage collector's credential for a unit of the host's subtree (it reports usage of that
 *     subtree to the cockpit's POST /v1/usage); `create` prints the secret once, `revoke` ends one.
 */
/** The flags every command acting as a host through the cockpit takes. */
const HOST_OPTIONS = {
  registry: { type: 'string' },
  host: { type: 'string' },
  cockpit: { type: 'string' },
  'service-key': { type: 'string' },
} as const;

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
      ...HOST_OPTIONS,
      'expires-in-days': { type: 'string' },
      'overlap-hours': { type: 'string' },
      'key-id': { type: 'string' },
    },
    strict: true,
  });
  const days = values['expires-in-days'] === undefined ? undefined : Number(values['expires-in-days']);
  const hours = values['overlap-hours'] === undefined ? 24 : Number(values['overlap-hours']);
  const problems = [
    ...(action === 'revoke' && !values['key-id'] ? ['--key-id is required'] : []),
    ...(days !== undefined && !(Number.isInteger(days) && days > 0)
      ? ['--expires-in-days: a whole number above 0']
      : []),
    ...(Number.isFinite(hours) && hours >= 0 ? [] : ['--overlap-hours: a number of hours, 0 or more']),
  ];
  const { cockpit, host } = await actAsHost(values, problems);
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
} else if (command === 'identity-provider' && rest[0] && ['add', 'list', 'remove'].includes(rest[0])) {
  const [action, ...args] = rest;
  const { values } = parseArgs({
    args,
    options: {
      ...HOST_OPTIONS,
      unit: { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      'jwks-uri': { type: 'string' },
      jwks: { type: 'string' },
      algorithm: { type: 'string', multiple: true },
      'email-claim': { type: 'string' },
      'name-claim': { type: 'string' },
      'unverified-email': { type: 'boolean' },
      provision: { type: 'string' },
      id: { type: 'string' },
    },
    strict: true,
  });
  const required = { add: ['unit', 'issuer', 'audience'], remove: ['id'], list: [] }[action as 'add'];
  const problems = required.filter((flag) => !values[flag as keyof typeof values]).map((f) => `--${f} is required`);
  const { cockpit, host } = await actAsHost(values, problems);
  if (action === 'list') {
    for (const idp of await listIdentityProviders(cockpit, host)) {
      const provisioning = idp.provisioning ? `provisions ${idp.provisioning.role}` : 'no provisioning';
      console.log(`${idp.id}  unit ${idp.businessUnitId}  ${idp.issuer}  audience ${idp.audience}  ${provisioning}`);
    }
  } else if (action === 'remove') {
    await removeIdentityProvider(cockpit, host, values.id ?? '');
    console.log(`Removed identity provider ${values.id}.`);
  } else {
    const idp = await registerIdentityProvider(cockpit, host, {
      businessUnitId: values.unit ?? '',
      issuer: values.issuer ?? '',
      audience: values.audience ?? '',
      ...(values['jwks-uri'] ? { jwksUri: values['jwks-uri'] } : {}),
      ...(values.jwks ? { jwks: JSON.parse(readFileSync(values.jwks, 'utf8')) } : {}),
      ...(values.algorithm ? { algorithms: values.algorithm as RegisterIdentityProvider['algorithms'] } : {}),
      claims: {
        ...(values['email-claim'] ? { email: values['email-claim'] } : {}),
        ...(values['name-claim'] ? { name: values['name-claim'] } : {}),
        requireVerifiedEmail: !values['unverified-email'],
      },
      provisioning: values.provision ? { role: values.provision as 'viewer' } : null,
    });
    console.log(`Registered ${idp.issuer} for unit ${idp.businessUnitId} and its subtree as ${idp.id}.`);
  }
} else if (command === 'collector' && rest[0] && ['create', 'list', 'revoke'].includes(rest[0])) {
  const [action, ...args] = rest;
  const { values } = parseArgs({
    args,
    options: { ...HOST_OPTIONS, unit: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } },
    strict: true,
  });
  const required = { create: ['unit', 'name'], revoke: ['id'], list: [] }[action as 'create'];
  const problems = required.filter((flag) => !values[flag as keyof typeof values]).map((f) => `--${f} is required`);
  const { cockpit, host } = await actAsHost(values, problems);
  if (action === 'list') {
    for (const c of await listCollectorCredentials(cockpit, host)) {
      const state = c.revokedAt ? `revoked ${c.revokedAt}` : 'live';
      console.log(`${c.id}  unit ${c.businessUnitId}  ${c.name}  ${state}  last used ${c.lastUsedAt ?? 'never'}`);
    }
  } else if (action === 'revoke') {
    const revoked = await revokeCollectorCredential(cockpit, host, values.id ?? '');
    console.log(`Revoked collector ${revoked.id} (${revoked.name}).`);
  } else {
    const { credential, secret } = await createCollectorCredential(cockpit, host, values.unit ?? '', values.name ?? '');
    console.log(`Created collector ${credential.id} for unit ${credential.businessUnitId}.`);
    console.log(`Secret (shown once, give it to the collector as its bearer token): ${secret}`);
  }
} else {
  console.error('usage: register-host --registry <file> --id <id> --name <name> --home <uuid> --origin <url>…');
  console.error('       new-signing-key [--kid <kid>]');
  console.error('       public-jwks <private key file>…');
  console.error(
    '       api-key create|rotate|list|revoke --registry <file> --host <id> --cockpit <url> --service-key <file>',
  );
  console.error('               [--expires-in-days <n>] [--overlap-hours <n>] [--key-id <uuid>]');
  console.error(
    '       identity-provider add|list|remove --registry <file> --host <id> --cockpit <url> --service-key <file>',
  );
  console.error(
    '               [--unit <uuid> --issuer <url> --audience <client id> (--jwks-uri <url> | --jwks <file>)]',
  );
  console.error(
    '               [--algorithm RS256 …] [--email-claim <claim>] [--name-claim <claim>] [--unverified-email]',
  );
  console.error('               [--provision viewer|operator|admin|billing] [--id <uuid>]');
  console.error(
    '       collector create|list|revoke --registry <file> --host <id> --cockpit <url> --service-key <file>',
  );
  console.error('               [--unit <uuid> --name <name>] [--id <uuid>]');
  process.exit(2);
}

/**
 * The cockpit, acting as the registry's host; prints every problem (the command's own ones
 * too) and exits with 2 when there is one.
 */
async function actAsHost(
  values: {
    registry?: string | undefined;
    host?: string | undefined;
    cockpit?: string | undefined;
    'service-key'?: string | undefined;
  },
  problems: string[],
) {
  const missing = (['registry', 'host', 'cockpit', 'service-key'] as const).filter((flag) => !values[flag]);
  problems.unshift(...missing.map((flag) => `--${flag} is required`));
  const host = values.registry && values.host ? HostRegistry.fromSource(values.registry).get(values.host) : undefined;
  if (values.registry && values.host && !host) problems.push(`--host: no host ${values.host} in ${values.registry}`);
  for (const problem of problems) console.error(problem);
  if (!host || !values.cockpit || !values['service-key'] || problems.length > 0) process.exit(2);
  const cockpit = connectCockpit({ baseUrl: values.cockpit, serviceKey: await loadSigningKey(values['service-key']) });
  return { cockpit, host };
}

function flagOf(path: PropertyKey[]): string {
  const names: Record<string, string> = { homeBusinessUnitId: 'home', allowedOrigins: 'origin' };
  const first = String(path[0] ?? '');
  return names[first] ?? first;
}
