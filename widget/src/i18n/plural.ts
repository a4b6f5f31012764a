import { formatNumber } from './format.js';

export { formatNumber };

/**
 * Plurals and numbers through `Intl`, so every locale gets its own rules ("1 tenant", "2 tenants";
 * Polish or Arabic with more forms) and digit grouping ("1,234", "1.234").
 */

/** The words for each plural category a locale uses; `#` stands for the formatted number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<string, Intl.PluralRules>();
function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/** The form of `forms` the locale's plural rules pick for `count`, with `#` replaced by the number. */
export function plural(locale: string, count: number, forms: PluralForms): string {
  const form = forms[rulesFor(locale).select(count)] ?? forms.other;
  return form.replaceAll('#', formatNumber(locale, count));
}
