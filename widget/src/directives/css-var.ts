import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/**
 * Sets a custom property on an element through the CSSOM (`style.setProperty`).
 *
 * Unlike a `style="…"` binding or lit's `styleMap` (which writes the `style` attribute on first
 * render), this never creates an inline style attribute, so it works under a strict
 * `style-src` CSP without `'unsafe-inline'`.
 *
 * ```ts
 * html`<div ${cssVar('--level', 2)}></div>`
 * ```
 */
class CssVarDirective extends Directive {
  #last: string | undefined;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssVar() must be used in element position');
  }

  render(_name: `--${string}`, _value: string | number): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [name, value]: [`--${string}`, string | number]): typeof noChange {
    const text = String(value);
    if (text !== this.#last) {
      (part.element as HTMLElement).style.setProperty(name, text);
      this.#last = text;
    }
    return noChange;
  }
}

export const cssVar = directive(CssVarDirective);
