import type { RoleName } from '@scc/db';

/** Who is calling, resolved once per request; every query of the request runs inside `scopePath`. */
export interface Caller {
  user: { id: string; email: string; displayName: string };
  businessUnit: { id: string; name: string; kind: string };
  /** Roles held on the acting business unit or any ancestor of it. */
  roles: RoleName[];
  scopePath: string;
  hostId: string;
  /** The widget's embed session this request acts in, if any: its scoped transactions check it. */
  embedSessionId?: string;
}

export type CockpitEnv = { Variables: { caller: Caller } };
