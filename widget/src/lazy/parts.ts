/**
 * The parts of the widget that only some callers need. Each `import()` becomes a chunk of its own
 * next to `service-control-center.js`, which the chunks import lit and the shared code from.
 */
export const widgetParts = {
  admin: () => import('./admin.js'),
  billing: () => import('./billing.js'),
  notifications: () => import('./notifications.js'),
  operations: () => import('./operations.js'),
  pieces: () => import('./pieces.js'),
  stepUp: () => import('./step-up.js'),
  transports: () => import('./transports.js'),
  tree: () => import('./tree.js'),
};

export type WidgetPart = keyof typeof widgetParts;

/** Loads (once) and registers the admin screens; resolves to their module. */
export const loadAdmin = widgetParts.admin;

/** Loads (once) and registers the tenant-operations elements; resolves to their module. */
export const loadOperations = widgetParts.operations;

/** Loads (once) and registers the business-unit tree and search; resolves to their module. */
export const loadTree = widgetParts.tree;

/** Loads (once) and registers two-step verification (the code prompt, a unit's requirement); resolves to its module. */
export const loadStepUp = widgetParts.stepUp;

/** Loads (once) and registers the composable pieces (`<scc-session>`, `<scc-hierarchy>`, …); resolves to their module. */
export const loadPieces = widgetParts.pieces;
