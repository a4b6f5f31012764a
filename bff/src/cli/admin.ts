import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type HostApplication, HostApplicationSchema, hashApiKey, newApiKey } from '../hosts/host-registry.js';
import { generateSigningKey, loadSigningKey } from '../keys/signing-keys.js';

/**
 * Operator tools for a BFF deployment:
 *   register-host --registry hosts.json --id acme --name "Acme" --home <business unit id> --origin https://acme.example
 *     adds (or re-keys) a host application and prints its API key once; only the hash is stored.
 *   new-signing-key --kid widget-2026-11 > widget-key.json
 *     prints a private P-256 JWK for BFF_WIDGET_SIGNING_KEY or BFF_SERVICE_SIGNING_KEY.
 *   public-jwks service-key.json [older-service-key.json …] > service-jwks.json
 *     prints the public JWKS the cockpit trusts (SCC_SERVICE_PUBLIC_KEYS).
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
} else {
  console.error('usage: register-host --registry <file> --id <id> --name <name> --home <uuid> --origin <url>…');
  console.error('       new-signing-key [--kid <kid>]');
  console.error('       public-jwks <private key file>…');
  process.exit(2);
}

function flagOf(path: PropertyKey[]): string {
  const names: Record<string, string> = { homeBusinessUnitId: 'home', allowedOrigins: 'origin' };
  const first = String(path[0] ?? '');
  return names[first] ?? first;
}
