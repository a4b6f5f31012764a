import { assertEqual } from '../../test/helpers.js';
import { contrast, contrastVerdict, luminance, ratioText } from './contrast.js';

describe('contrast', () => {
  it('follows the WCAG relative-luminance formula', () => {
    assertEqual(luminance('#000000'), 0);
    assertEqual(luminance('#ffffff'), 1);
    assertEqual(contrast('#000000', '#ffffff').toFixed(2), '21.00');
    assertEqual(contrast('#ffffff', '#000000').toFixed(2), '21.00', 'order does not matter');
    // Known pairs: #767676 on white is the classic 4.54:1, #c2410c with white 5.18:1.
    assertEqual(contrast('#767676', '#ffffff').toFixed(2), '4.54');
    assertEqual(contrast('#ffffff', '#c2410c').toFixed(2), '5.18');
  });

  it('refuses below 3:1 and warns below 4.5:1', () => {
    assertEqual(contrastVerdict(contrast('#ffffff', '#ffffff')), 'refuse');
    assertEqual(contrastVerdict(2.99), 'refuse');
    assertEqual(contrastVerdict(3), 'warn');
    assertEqual(contrastVerdict(4.49), 'warn');
    assertEqual(contrastVerdict(4.5), 'ok');
  });

  it('never rounds a ratio up past a threshold', () => {
    assertEqual(ratioText(4.499), '4.49:1');
    assertEqual(ratioText(4.5, 'de'), '4,50:1');
  });
});
