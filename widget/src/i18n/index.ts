import { de, en, type Messages } from './messages.js';

export { formatDate, formatDateTime, formatDaysFromNow } from './format.js';
export type { Messages } from './messages.js';
export { de, en } from './messages.js';
export { formatNumber, type PluralForms, plural } from './plural.js';

export const DEFAULT_LOCALE = 'en';

const catalog = new Map<string, Messages>([
  ['en', en],
  ['de', de],
]);

/** Adds or replaces a locale, e.g. `registerLocale('fr', fr)`. Keys are BCP 47 language tags. */
export function registerLocale(tag: string, messages: Messages): void {
  catalog.set(tag.toLowerCase(), messages);
}

/** Locales with messages. */
export function availableLocales(): string[] {
  return [...catalog.keys()];
}

/**
 * Best available locale for a requested BCP 47 tag: exact match (`de-ch`), then the language
 * (`de`), else English. `undefined` falls back to `navigator.language`.
 */
export function resolveLocale(requested?: string | null): string {
  const tag = (
    requested ||
    (typeof navigator !== 'undefined' ? navigator.language : '') ||
    DEFAULT_LOCALE
  ).toLowerCase();
  if (catalog.has(tag)) return tag;
  const language = tag.split(/[-_]/)[0] ?? '';
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
