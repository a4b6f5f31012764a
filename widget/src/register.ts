/**
 * Registers `map`'s elements. Guarded, so loading the bundle twice (or next to another copy)
 * neither throws nor replaces an existing definition.
 *
 * A module of its own because the lazy chunks register their elements with it: importing it from
 * `define.ts` would lead them back through the shell, which imports the chunks.
 */
export function register(
  map: Readonly<Record<string, CustomElementConstructor>>,
  registry: CustomElementRegistry = customElements,
): void {
  for (const [tag, ctor] of Object.entries(map)) {
    registry.get(tag) || registry.define(tag, ctor);
  }
}
