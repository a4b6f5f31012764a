import './de.js';
import { assertEqual } from '../../test/helpers.js';
import { brandFieldLabel, brandMessagesFor, deBrand, enBrand, registerBrandLocale } from './brand-messages.js';
import { en, registerLocale } from './index.js';

describe('brandMessagesFor', () => {
  it('gives German for German locales, English otherwise and for locales registered without brand strings', () => {
    assertEqual(brandMessagesFor('de-AT').save, 'Marke speichern');
    assertEqual(brandMessagesFor('en-GB').save, 'Save brand');
    registerLocale('nl', { ...en, tenants: 'Tenants' });
    assertEqual(brandMessagesFor('nl').save, enBrand.save);
    registerBrandLocale('nl', { ...enBrand, save: 'Merk opslaan' });
    assertEqual(brandMessagesFor('nl').save, 'Merk opslaan');
  });

  it('has every string in German too', () => {
    const same = Object.keys(enBrand).filter(
      (key) => String(enBrand[key as keyof typeof enBrand]) === String(deBrand[key as keyof typeof deBrand]),
    );
    // Words that are the same in both languages.
    assertEqual(same.join(), 'displayName,logo');
  });

  it('labels the fields the server names, in the editor’s words', () => {
    assertEqual(brandFieldLabel(enBrand, 'body.brand.dark.primary'), 'Primary colour (Dark)');
    assertEqual(brandFieldLabel(deBrand, 'body.brand.light.onPrimary'), 'Text auf Hauptfarbe (Hell)');
    assertEqual(brandFieldLabel(enBrand, 'body.brand.logo.data'), 'Logo');
    assertEqual(brandFieldLabel(deBrand, 'body.brand.fontStack'), 'Schriftarten');
    assertEqual(brandFieldLabel(enBrand, 'body.brand.light.glow'), 'body.brand.light.glow');
    assertEqual(brandFieldLabel(enBrand, 'query.v'), 'query.v');
  });
});
