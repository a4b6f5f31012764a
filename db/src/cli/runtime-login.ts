import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ensureRuntimeLogin, runtimeLoginName } from '../runtime-login.js';

/**
 * `pnpm --silent --filter @scc/db runtime-login [--name <login>]`: on a migrated server database,
 * as its owner (DATABASE_MIGRATION_URL, else DATABASE_URL), creates the cockpit's restricted login
 * (or resets an existing one to exactly its attributes) with a fresh password, and prints the URL
 * to give the cockpit as DATABASE_URL. The password exists only in that output.
 */
const ownerUrl = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
if (!ownerUrl) {
  console.error(
    'runtime-login needs the owner connection in DATABASE_MIGRATION_URL or DATABASE_URL (PGlite has one login only)',
  );
  process.exit(1);
}
const { values } = parseArgs({ options: { name: { type: 'string' } } });
const url = await ensureRuntimeLogin(ownerUrl, {
  name: values.name ?? runtimeLoginName(ownerUrl),
  password: randomBytes(24).toString('base64url'),
});
console.log(url);
