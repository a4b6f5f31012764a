/**
 * Dates, times, relative times and numbers of every screen, through `Intl` in the widget's
 * locale: one date format per locale, so the same day never reads two ways on one page. Each
 * takes the tag `resolveLocale` gave (the messages' locale), so words and dates agree.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  make: () => T,
): T {
  const known = formatters.get(key) as T | undefined;
  if (known) return known;
  const made = make();
  formatters.set(key, made);
  return made;
}

const asDate = (value: string | number | Date): Date => (value instanceof Date ? value : new Date(value));

/** A day, e.g. `12 Jan 2027` / `12.01.2027`. */
export function formatDate(value: string | number | Date, tag: string): string {
  return cached(`date:${tag}`, () => new Intl.DateTimeFormat(tag, { dateStyle: 'medium' })).format(asDate(value));
}

/** A moment: the same day format with the time to the minute. */
export function formatDateTime(value: string | number | Date, tag: string): string {
  return cached(
    `datetime:${tag}`,
    () => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(asDate(value));
}

/** Calendar days from `now` to `value` in the viewer's time zone: `in 27 days`, `tomorrow`, `today`. */
export function formatDaysFromNow(value: string | number | Date, now: Date, tag: string): string {
  const midnight = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const days = Math.round((midnight(asDate(value)) - midnight(now)) / DAY_MS);
  return cached(`relative:${tag}`, () => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' })).format(days, 'day');
}

export function formatNumber(value: number, tag: string): string {
  return cached(`number:${tag}`, () => new Intl.NumberFormat(tag)).format(value);
}
