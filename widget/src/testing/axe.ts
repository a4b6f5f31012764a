/**
 * axe-core in the browser tests. axe-core ships as a UMD script: imported as a module it finds no
 * `module` or `define` and installs itself as `window.axe`, so the import is for that effect and
 * the package's typings describe the global.
 */
import 'axe-core/axe.js';
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';

type Axe = { run(context: ElementContext, options: RunOptions): Promise<AxeResults> };

/** The success criteria the widget claims: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

function axe(): Axe {
  const global = (globalThis as { axe?: Axe }).axe;
  if (!global) throw new Error('axe-core did not install window.axe');
  return global;
}

/** One line per failing node: rule id, the node's path through shadow roots, and what to do. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} at ${JSON.stringify(node.target)}: ${violation.help} (${node.failureSummary?.replace(/\s+/g, ' ') ?? ''})`,
      ),
    )
    .join('\n');
}

/** Every WCAG A/AA violation axe finds in `element`, its shadow trees included. */
export async function axeViolations(element: Element): Promise<Result[]> {
  const results = await axe().run(element, {
    runOnly: { type: 'tag', values: [...WCAG_TAGS] },
    resultTypes: ['violations'],
  });
  return results.violations;
}

/** Fails listing each violation (rule id, target, help) when axe finds any in `element`. */
export async function expectNoAxeViolations(element: Element, where = element.localName): Promise<void> {
  const violations = await axeViolations(element);
  if (violations.length > 0) {
    throw new Error(
      `axe found WCAG violations in ${where} (${violations.length} rules):\n${describeViolations(violations)}`,
    );
  }
}
