import { z } from '@hono/zod-openapi';
import { singleLineText } from './text.js';

/** The cockpit's record of an embed session as the BFF asks for it when it mints a widget token. */
export const OpenEmbedSessionBody = z
  .strictObject({
    expiresInSeconds: z.number().int().min(60).max(3600).openapi({ description: 'The widget token’s lifetime' }),
    identityProvider: z
      .strictObject({ id: z.uuid(), issuer: z.string().max(500) })
      .optional()
      .openapi({ description: 'The registration whose ID token the host exchanged for this session' }),
  })
  .openapi('OpenEmbedSessionBody');

export const OpenedEmbedSessionSchema = z
  .object({
    id: z.uuid().openapi({ description: 'The session; the widget token’s `jti`' }),
    userId: z.uuid(),
    businessUnitId: z.uuid(),
    expiresAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('OpenedEmbedSession');
export type OpenedEmbedSession = z.infer<typeof OpenedEmbedSessionSchema>;

const reason = singleLineText(1, 200).optional().openapi({ description: 'Kept with the session and in the audit log' });

/** One session, or every live session of one user at this host. */
export const RevokeEmbedSessionsBody = z
  .union([z.strictObject({ sessionId: z.uuid(), reason }), z.strictObject({ userId: z.uuid(), reason })])
  .openapi('RevokeEmbedSessionsBody');
export type RevokeEmbedSessions = z.infer<typeof RevokeEmbedSessionsBody>;

export const RevokedEmbedSessionSchema = z.object({
  id: z.uuid(),
  expiresAt: z.string().openapi({ format: 'date-time', description: 'When its widget token expires anyway' }),
});
export type RevokedEmbedSession = z.infer<typeof RevokedEmbedSessionSchema>;

export const RevokedEmbedSessionsSchema = z
  .object({ revoked: z.array(RevokedEmbedSessionSchema) })
  .openapi('RevokedEmbedSessions');

/**
 * Security events a service records in the audit log beside the ones the cockpit writes itself
 * (sessions issued and revoked): refusals it decided on its own.
 */
export const SECURITY_EVENT_ACTIONS = [
  'embed-session.refused',
  'host-api-key.refused',
  'rate-limit.exceeded',
  'step-up.passed',
  'step-up.failed',
] as const;
export type SecurityEventAction = (typeof SECURITY_EVENT_ACTIONS)[number];

const detailValue = z.union([singleLineText(0, 500), z.number().finite(), z.boolean(), z.null()]);

export const SecurityEventBody = z
  .strictObject({
    action: z.enum(SECURITY_EVENT_ACTIONS),
    /** Where in the tree the event belongs; outside the host's home subtree (or absent): the home unit. */
    businessUnitId: z.uuid().optional(),
    /** Whom it concerns, as far as known (a refused sign-in knows only an e-mail). */
    user: z.strictObject({ id: z.uuid().optional(), email: singleLineText(1, 320).optional() }).optional(),
    /** A few facts: the route, the limit, the reason. */
    detail: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/), detailValue).optional(),
  })
  .refine((body) => Object.keys(body.detail ?? {}).length <= 20, { message: 'At most 20 details', path: ['detail'] })
  .openapi('SecurityEventBody');
export type SecurityEvent = z.infer<typeof SecurityEventBody>;

/** What the revocation feed sends per revoked session (SSE `event: revoked`). */
export const RevocationFeedEventSchema = z.object({ id: z.uuid(), expiresAt: z.string() });
export type RevocationFeedEvent = z.infer<typeof RevocationFeedEventSchema>;

/** What it sends when a host API key was revoked or its expiry shortened (SSE `event: key-changed`). */
export const KeyChangedEventSchema = z.object({ keyId: z.uuid() });
export type KeyChangedEvent = z.infer<typeof KeyChangedEventSchema>;
