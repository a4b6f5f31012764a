/**
 * The borders between the parts (ARCHITECTURE.md), checked by `pnpm borders` (part of `pnpm lint`).
 *
 * Paths are the resolved ones, relative to the repository root: pnpm links `@scc/db` to `db/`,
 * and dependency-cruiser follows the link and the package's `exports` to the source file
 * (`@scc/db/testing` → `db/src/testing.ts`), so a rule on `^db/` catches both spellings.
 *
 * The part rules hold for production code: everything but `*.test.ts`, `test/` folders (the
 * cross-part tests and their support, the widget's test helpers), the widget's browser-test
 * helpers in `widget/src/testing/` (axe-core) and `bench/`. Tests may reach
 * across borders to set up what they test; production code may not.
 *
 * There is no list of tolerated violations: `pnpm borders` fails on the first one.
 * `test/borders/dependency-rules.test.ts` proves each rule fires on a fixture.
 */

/** Files that are not production code. */
const notProduction = ['\\.test\\.ts$', '(^|/)test/', '^widget/src/testing/', '(^|/)bench/'];
/** Helpers that set up tests: they open throw-away databases or start whole stacks. */
const testHelpers = ['^test/', '(^|/)testing/', '^db/src/testing\\.ts$'];
const dbDrivers = '(^|/)node_modules/(drizzle-orm|@electric-sql/pglite|postgres)/';

/** A rule for the production files under the folder `part`. */
const forbid = (name, comment, part, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^${part}/`, pathNot: notProduction },
  to,
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle makes the evaluation order decide what is undefined at import time. Cycles closed by a dynamic ' +
        'import() are allowed: a lazily loaded chunk of the widget imports the entry that loads it, after the ' +
        'entry has been evaluated.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every rule matches resolved paths; an import nobody can resolve would slip through all of them.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-test-helpers-in-production',
      comment: 'Test helpers open throw-away databases and start whole stacks; production code never needs them.',
      severity: 'error',
      from: { pathNot: notProduction },
      to: { path: testHelpers },
    },
    {
      name: 'production-uses-own-dependencies',
      comment:
        'Production code imports only packages its own package.json lists under dependencies: a part installed ' +
        'alone (pnpm deploy --prod) has nothing else. Build and test configuration files are not production code, ' +
        'nor is the demo host’s React page: esbuild bundles it with React at build time.',
      severity: 'error',
      from: { pathNot: [...notProduction, '(^|/)[^/]+\\.config\\.[cm]?[jt]s$', '^scripts/', '^demo-host/react-page/'] },
      to: { dependencyTypes: ['npm-dev', 'npm-no-pkg', 'npm-unknown'] },
    },
    forbid(
      'widget-only-lit-and-contract-types',
      'The widget runs in a browser: it imports its own files, lit, uPlot (the usage charts, a lazy chunk of its own) and (type-only, below) the contracts.',
      'widget/src',
      { pathNot: ['^widget/', '^contracts/', '(^|/)node_modules/(lit|lit-html|lit-element|@lit/[^/]+|uplot)/'] },
    ),
    forbid(
      'widget-contracts-types-only',
      'The contracts are zod schemas for servers; the widget may only borrow their types.',
      'widget/src',
      { path: '^contracts/', dependencyTypesNot: ['type-only'] },
    ),
    forbid('bff-not-to-db', 'The BFF owns no database: it reaches data only through the cockpit’s API.', 'bff', {
      path: ['^db/', dbDrivers],
    }),
    forbid(
      'bff-cockpit-types-only',
      'The BFF is deployed without the cockpit; it may only borrow the cockpit app’s type for the typed client.',
      'bff',
      { path: '^cockpit/', dependencyTypesNot: ['type-only'] },
    ),
    forbid(
      'bff-not-to-outer-parts',
      'The BFF serves the widget as a built file; it knows nothing of the host apps or the launcher.',
      'bff',
      { path: '^(widget|demo-host|stack)/' },
    ),
    forbid(
      'demo-host-no-scc-parts',
      'The demo host is a third-party application: it talks HTTP to the BFF and imports none of our parts.',
      'demo-host',
      { path: '^(contracts|service-kit|db|cockpit|bff|widget|stack)/' },
    ),
    forbid(
      'cockpit-not-to-outer-parts',
      'The cockpit is the centre: the BFF, the widget, host apps and the launcher depend on it, not the reverse.',
      'cockpit',
      { path: '^(bff|widget|demo-host|stack)/' },
    ),
    forbid(
      'db-only-contracts',
      'The database library knows no service: it may use the contracts, nothing else of ours.',
      'db',
      { path: '^(service-kit|cockpit|bff|widget|demo-host|stack)/' },
    ),
    forbid(
      'contracts-self-contained',
      'The contracts are shared by every part, the widget included: their own files and npm dependencies only.',
      'contracts',
      { pathNot: '^contracts/', dependencyTypesNot: ['npm'] },
    ),
    forbid(
      'service-kit-only-contracts',
      'The service kit holds conventions both services share; of our parts it may use only the contracts.',
      'service-kit',
      { path: '^(db|cockpit|bff|widget|demo-host|stack)/' },
    ),
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^[^/]+/dist/' },
    // Keeps `import type` edges, so that the type-only exceptions above can be told apart.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default'],
      mainFields: ['module', 'main'],
    },
  },
};
