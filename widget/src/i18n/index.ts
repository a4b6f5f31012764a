import { en, type Messages } from './messages.js';

export { formatDate, formatDateTime, formatDaysFromNow } from './format.js';
export type { Messages } from './messages.js';
export { en } from './messages.js';
export { formatNumber, type PluralForms, plural } from './plural.js';

export const DEFAULT_LOCALE = 'en';

const catalog = new Map<string, Messages>([['en', en]]);

/**
 * Locales whose strings are a pack of their own, loaded on demand (importing a pack registers it):
 * pages in English do not load German.
 */
const packs: Record<string, () => Promise<unknown>> = {
  de: () => import('./de.js'),
};

/** The tag asked for, else `navigator.language`, else English; lower case. */
const requestedTag = (requested?: string | null): string =>
  (requested || (typeof navigator !== 'undefined' ? navigator.language : '') || DEFAULT_LOCALE).toLowerCase();

/** The language of a lower-case BCP 47 tag (`de` of `de-ch`). */
const languageOf = (tag: string): string => tag.split(/[-_]/)[0] ?? '';

/**
 * True while `requested` (or `navigator.language`) names a locale whose pack is not loaded yet:
 * until then `resolveLocale` answers English, so callers show no text rather than English first.
 */
export function localePending(requested?: string | null): boolean {
  const tag = requestedTag(requested);
  const language = languageOf(tag);
  return !catalog.has(tag) && !catalog.has(language) && language in packs;
}

/**
 * Loads the pack of `requested` (or `navigator.language`) if it has one and it is not loaded, e.g.
 * `await loadLocale('de')`; resolves once `messagesFor` answers in that locale (at once without one).
 */
export async function loadLocale(requested?: string | null): Promise<void> {
  if (localePending(requested)) await packs[languageOf(requestedTag(requested))]?.();
}

/** Adds or replaces a locale, e.g. `registerLocale('fr', fr)`. Keys are BCP 47 language tags. */
export function registerLocale(tag: string, messages: Messages): void {
  catalog.set(tag.toLowerCase(), messages);
}

/** Locales with messages, loaded or in a pack that `loadLocale` loads. */
export function availableLocales(): string[] {
  return [...new Set([...catalog.keys(), ...Object.keys(packs)])];
}

/**
 * Best available locale for a requested BCP 47 tag: exact match (`de-ch`), then the language
 * (`de`), else English. `undefined` falls back to `navigator.language`.
 */
export function resolveLocale(requested?: string | null): string {
  const tag = requestedTag(requested);
  if (catalog.has(tag)) return tag;
  const language = languageOf(tag);
  return catalog.has(language) ? language : DEFAULT_LOCALE;
}

export function messagesFor(locale?: string | null): Messages {
  return catalog.get(resolveLocale(locale)) ?? en;
}

/** Label from a status/type dictionary, or the raw value made readable when it is unknown. */
export function labelFor(dictionary: Record<string, string>, value: string): string {
  const known = dictionary[value];
  if (known) return known;
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : value;
}
