/**
 * Dates, times, relative days and numbers of every screen, through `Intl`: one date format per
 * locale, so the same day never reads two ways on one page. Each takes the tag `resolveLocale`
 * gave (the messages' locale) first, so words and dates agree.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

type Formatter = Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat;
const formatters = new Map<string, Formatter>();

/** One formatter per kind and locale: building them is what costs. */
function cached<T extends Formatter>(key: string, make: () => T): T {
  const known = formatters.get(key) as T | undefined;
  if (known) return known;
  const made = make();
  formatters.set(key, made);
  return made;
}

type Moment = string | number | Date;
const asDate = (value: Moment): Date => (value instanceof Date ? value : new Date(value));

/** `1234` as the locale writes it: `1,234` in English, `1.234` in German. */
export function formatNumber(locale: string, value: number): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A day: `Jan 12, 2027` in English, `12.01.2027` in German. */
export function formatDate(locale: string, value: Moment): string {
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(asDate(value));
}

/** A moment: the same day format with the time to the minute. */
export function formatDateTime(locale: string, value: Moment): string {
  return cached(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(asDate(value));
}

/** Calendar days from `now` to `value` in the viewer's time zone: `in 27 days`, `tomorrow`, `today`. */
export function formatDaysFromNow(locale: string, value: Moment, now: Date): string {
  const midnight = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const days = Math.round((midnight(asDate(value)) - midnight(now)) / DAY_MS);
  return cached(`relative:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(
    days,
    'day',
  );
}
