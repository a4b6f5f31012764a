import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE, type Problem, ProblemError, ProblemSchema, problem } from '@scc/contracts/problem';
import type { CheckState, Readiness } from './readiness.js';

/** A prober must always see the current state, never a cached one. */
const noStore = { 'cache-control': 'no-store' } as const;
/** Seconds a load balancer should wait before asking a process that is not ready again. */
export const READINESS_RETRY_AFTER_SECONDS = 5;

const ChecksSchema = z
  .record(z.string(), z.enum(['up', 'down']))
  .openapi({ example: { database: 'up', liveFeed: 'up' } });

const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');
const ReadySchema = z.object({ status: z.literal('ready'), checks: ChecksSchema }).openapi('Ready');
const NotReadySchema = ProblemSchema.extend({ checks: ChecksSchema }).openapi('NotReady');

const livenessRoute = <P extends string>(path: P) =>
  createRoute({
    method: 'get',
    path,
    tags: ['Health'],
    security: [],
    summary: 'Liveness: the process’s event loop answers (no dependency is checked)',
    responses: {
      200: { description: 'Alive', content: { 'application/json': { schema: HealthSchema } } },
    },
  });

const healthzRoute = livenessRoute('/healthz');
/** The older name of `/healthz`, kept for existing probes. */
const healthRoute = livenessRoute('/health');

const readyzRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Health'],
  security: [],
  summary: 'Readiness: every dependency this process needs answers within a short timeout',
  responses: {
    200: { description: 'Ready to serve', content: { 'application/json': { schema: ReadySchema } } },
    503: {
      description: 'Not ready; `checks` names what is down. Carries `retry-after`.',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: NotReadySchema } },
    },
  },
});

/**
 * `/healthz` (and its alias `/health`) and `/readyz`, without authentication: a load balancer
 * restarts a process whose `/healthz` stops answering and sends traffic only to one whose
 * `/readyz` is 200.
 */
export function healthRoutes(readiness: Readiness) {
  return new OpenAPIHono()
    .openapi(healthzRoute, (c) => c.json({ status: 'ok' as const }, 200, noStore))
    .openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200, noStore))
    .openapi(readyzRoute, async (c) => {
      const { ready, checks } = await readiness();
      if (ready) return c.json({ status: 'ready' as const, checks }, 200, noStore);
      throw notReady(checks);
    });
}

function notReady(checks: Record<string, CheckState>): ProblemError {
  const down = Object.keys(checks).filter((name) => checks[name] !== 'up');
  const body: Problem & { checks: Record<string, CheckState> } = {
    ...problem('unavailable', `Not ready: ${down.join(', ')} down.`),
    checks,
  };
  return new ProblemError(body, { ...noStore, 'retry-after': String(READINESS_RETRY_AFTER_SECONDS) });
}
