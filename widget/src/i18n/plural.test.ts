import { assertEqual } from '../../test/helpers.js';
import { de } from './de.js';
import { en } from './messages.js';
import { formatNumber, plural } from './plural.js';

describe('plural and number formatting', () => {
  it('picks the locale’s plural form and groups digits the locale’s way', () => {
    const forms = { one: '# tenant', other: '# tenants' };
    assertEqual(plural('en', 1, forms), '1 tenant');
    assertEqual(plural('en', 0, forms), '0 tenants');
    assertEqual(plural('en', 1234, forms), '1,234 tenants');
    assertEqual(plural('de', 1234, { one: '# Mandant', other: '# Mandanten' }), '1.234 Mandanten');
    assertEqual(formatNumber('de', 300000), '300.000');
  });

  it('falls back to "other" for a category the forms leave out', () => {
    // Polish has "few" for 2–4; forms without it still read.
    assertEqual(plural('pl', 3, { one: '# dzierżawca', other: '# dzierżawców' }), '3 dzierżawców');
    assertEqual(plural('pl', 3, { one: '# x', few: '# y', other: '# z' }), '3 y');
  });

  it('the catalogues count in words and digits of their own language', () => {
    assertEqual(en.tenantCount(1), '1 tenant');
    assertEqual(en.tenantCount(2), '2 tenants');
    assertEqual(en.tenantCountShort(12345), '12,345');
    assertEqual(de.tenantCount(1), '1 Mandant');
    assertEqual(de.tenantCount(12345), '12.345 Mandanten');
    assertEqual(de.tenantCountShort(12345), '12.345');
  });

  it('translates the unit kinds the hierarchy uses', () => {
    assertEqual(en.unitKind.msp, 'Managed service provider');
    assertEqual(de.unitKind.reseller, 'Wiederverkäufer');
    assertEqual(de.unitKind.customer, 'Kunde');
    assertEqual(de.unitKind.department, 'Abteilung');
    assertEqual(de.unitKind.division, 'Geschäftsbereich');
  });
});
