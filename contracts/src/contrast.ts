/**
 * WCAG 2.x contrast of two `#rrggbb` colours (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
 * The server refuses a brand below {@link MIN_CONTRAST} and warns below {@link AA_CONTRAST}; the
 * widget computes the same in `widget/src/utils/contrast.ts`, which may not import this at run time.
 */

/** WCAG 2.1 AA for normal text. */
export const AA_CONTRAST = 4.5;
/** WCAG 2.1 AA for large text and user-interface components: the least a brand may have. */
export const MIN_CONTRAST = 3;

function relativeLuminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(foreground: string, background: string): number {
  const [lighter, darker] = [relativeLuminance(foreground), relativeLuminance(background)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}
