import { resolveLocale } from './index.js';

/**
 * Strings of the brand editor, which comes with the admin chunk. The brand mark's one string (the
 * logo's alternative text, `logoOf`) is in `messages.ts`: the mark is on every page, and this
 * catalogue would otherwise ride in the entry with it.
 */
export interface BrandMessages {
  brandTitle: string;
  brandHint: string;
  inheritedFrom: (source: string) => string;
  inheritedFromAbove: string;
  noBrand: string;
  displayName: string;
  logo: string;
  logoHint: (maxKiB: number) => string;
  removeLogo: string;
  fontStack: string;
  fontStackHint: string;
  radius: string;
  light: string;
  dark: string;
  primary: string;
  onPrimary: string;
  accent: string;
  surface: string;
  text: string;
  useDark: string;
  preview: string;
  previewButton: string;
  previewLink: string;
  contrastOk: (ratio: string) => string;
  contrastWarn: (ratio: string) => string;
  contrastRefuse: (ratio: string) => string;
  save: string;
  clear: string;
  saved: string;
  cleared: string;
  logoTooLarge: (maxKiB: number) => string;
  logoNotImage: string;
}

export const enBrand: BrandMessages = {
  brandTitle: 'Brand',
  brandHint: 'Units below this one without a brand of their own show this one.',
  inheritedFrom: (source) => `Now shows the brand of ${source}.`,
  inheritedFromAbove: 'Now shows a brand set above your unit.',
  noBrand: 'Now shows the default look.',
  displayName: 'Name',
  logo: 'Logo',
  logoHint: (max) => `PNG, JPEG, WebP or GIF, at most ${max} KiB. SVG is not accepted.`,
  removeLogo: 'Remove logo',
  fontStack: 'Font stack',
  fontStackHint: 'Family names separated by commas, e.g. Inter, "Segoe UI", sans-serif',
  radius: 'Corner radius (px)',
  light: 'Light',
  dark: 'Dark',
  primary: 'Primary colour',
  onPrimary: 'Text on primary',
  accent: 'Accent colour',
  surface: 'Background',
  text: 'Text colour',
  useDark: 'Set a dark variant',
  preview: 'Preview',
  previewButton: 'Order tenant',
  previewLink: 'Accent link',
  contrastOk: (ratio) => `Contrast ${ratio} meets WCAG AA.`,
  contrastWarn: (ratio) => `Contrast ${ratio} is below WCAG AA (4.5:1); it can be saved, but is hard to read.`,
  contrastRefuse: (ratio) => `Contrast ${ratio} is below 3:1 and cannot be saved.`,
  save: 'Save brand',
  clear: 'Remove own brand',
  saved: 'Brand saved.',
  cleared: 'Own brand removed.',
  logoTooLarge: (max) => `The logo is larger than ${max} KiB.`,
  logoNotImage: 'The logo must be a PNG, JPEG, WebP or GIF image.',
};

export const deBrand: BrandMessages = {
  brandTitle: 'Marke',
  brandHint: 'Einheiten darunter ohne eigene Marke zeigen diese.',
  inheritedFrom: (source) => `Zeigt jetzt die Marke von ${source}.`,
  inheritedFromAbove: 'Zeigt jetzt eine Marke, die über Ihrer Einheit festgelegt ist.',
  noBrand: 'Zeigt jetzt das Standardaussehen.',
  displayName: 'Name',
  logo: 'Logo',
  logoHint: (max) => `PNG, JPEG, WebP oder GIF, höchstens ${max} KiB. SVG wird nicht angenommen.`,
  removeLogo: 'Logo entfernen',
  fontStack: 'Schriftarten',
  fontStackHint: 'Schriftfamilien durch Kommas getrennt, z. B. Inter, "Segoe UI", sans-serif',
  radius: 'Eckenradius (px)',
  light: 'Hell',
  dark: 'Dunkel',
  primary: 'Hauptfarbe',
  onPrimary: 'Text auf Hauptfarbe',
  accent: 'Akzentfarbe',
  surface: 'Hintergrund',
  text: 'Textfarbe',
  useDark: 'Dunkle Variante festlegen',
  preview: 'Vorschau',
  previewButton: 'Mandant bestellen',
  previewLink: 'Akzent-Link',
  contrastOk: (ratio) => `Kontrast ${ratio} erfüllt WCAG AA.`,
  contrastWarn: (ratio) => `Kontrast ${ratio} liegt unter WCAG AA (4,5:1); speichern ist möglich, aber schwer lesbar.`,
  contrastRefuse: (ratio) => `Kontrast ${ratio} liegt unter 3:1 und kann nicht gespeichert werden.`,
  save: 'Marke speichern',
  clear: 'Eigene Marke entfernen',
  saved: 'Marke gespeichert.',
  cleared: 'Eigene Marke entfernt.',
  logoTooLarge: (max) => `Das Logo ist größer als ${max} KiB.`,
  logoNotImage: 'Das Logo muss ein PNG-, JPEG-, WebP- oder GIF-Bild sein.',
};

const paletteKeys = ['primary', 'onPrimary', 'accent', 'surface', 'text'] as const;

/**
 * How the editor labels a field the server names in a problem: `body.brand.dark.primary` is
 * "Primary colour (Dark)". Unknown fields keep their name.
 */
export function brandFieldLabel(m: BrandMessages, field: string): string {
  const [body, brand, name, key] = field.split('.');
  if (body !== 'body' || brand !== 'brand' || !name) return field;
  if ((name === 'light' || name === 'dark') && key) {
    const colour = paletteKeys.find((k) => k === key);
    return colour ? `${m[colour]} (${m[name]})` : field;
  }
  const labels: Record<string, string> = {
    displayName: m.displayName,
    logo: m.logo,
    fontStack: m.fontStack,
    radius: m.radius,
  };
  return labels[name] ?? field;
}

const catalog = new Map<string, BrandMessages>([
  ['en', enBrand],
  ['de', deBrand],
]);

/** Adds or replaces the brand strings of a locale registered with `registerLocale`. */
export function registerBrandLocale(tag: string, messages: BrandMessages): void {
  catalog.set(tag.toLowerCase(), messages);
}

/** The locale's brand strings (English for a locale without). */
export function brandMessagesFor(locale?: string | null): BrandMessages {
  const tag = resolveLocale(locale);
  return catalog.get(tag) ?? catalog.get(tag.split(/[-_]/)[0] ?? '') ?? enBrand;
}
