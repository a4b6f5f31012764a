import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type CockpitClient, type CockpitConnection, cockpitFor, widgetClaims } from '../cockpit/cockpit-client.js';
import type { WidgetEnv } from '../http/widget-session.js';

/**
 * What the widget routes share: each forwards one call to the cockpit, which validates,
 * authorizes and answers; its problems (naming fields such as `body.name`, a 403 for a missing
 * role, a 409 saying what is left in a unit) pass through unchanged.
 */

/** The typed cockpit client acting for the widget session of this request. */
export function cockpitForWidget(cockpit: CockpitConnection, c: Context<WidgetEnv>): CockpitClient {
  return cockpitFor(cockpit, widgetClaims(c.get('session'), c.get('host')));
}

/** Reads a successful cockpit answer as the type the cockpit's own schema declares. */
export const asJson =
  <T>() =>
  async (res: Response): Promise<T> =>
    (await res.json()) as T;

/** For answers without a body (204). */
export const noBody = async (): Promise<undefined> => undefined;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Bodies are checked once, by the cockpit, so the two services can never disagree on a rule. */
export const forwardedBody = (name: string, description: string) => ({
  required: true,
  content: {
    'application/json': {
      schema: z.looseObject({}).openapi(name, { description: `${description}; validated by the cockpit` }),
    },
  },
});

export const security = [{ widgetToken: [] }];

export const IdParams = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const cursorQuery = z
  .string()
  .max(2000)
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: 'The `nextCursor` of the previous page' });

export const businessUnitIdQuery = (description: string) =>
  z
    .uuid()
    .optional()
    .openapi({ param: { name: 'businessUnitId', in: 'query' }, description });
