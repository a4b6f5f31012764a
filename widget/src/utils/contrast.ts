/**
 * WCAG 2.x contrast, for the brand editor's live check. The server enforces the same thresholds
 * (contracts/src/contrast.ts), which the widget may not import at run time.
 */

/** WCAG AA for normal text: below it the editor warns. */
export const AA_CONTRAST = 4.5;
/** Below it the server refuses the brand, so the editor does not offer to save it. */
export const MIN_CONTRAST = 3;

/** Relative luminance of `#rrggbb` (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
export function luminance(hex: string): number {
  const linear = (offset: number) => {
    const srgb = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
}

/** From 1 (the same) to 21 (black on white), whichever of the two is lighter. */
export function contrast(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export type ContrastVerdict = 'ok' | 'warn' | 'refuse';

export function contrastVerdict(ratio: number): ContrastVerdict {
  if (ratio < MIN_CONTRAST) return 'refuse';
  return ratio < AA_CONTRAST ? 'warn' : 'ok';
}

/** `4.51:1`, never rounded up past a threshold. */
export function ratioText(ratio: number, locale?: string): string {
  const shown = Math.floor(ratio * 100) / 100;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(shown)}:1`;
}
