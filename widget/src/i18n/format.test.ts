import { assert, assertEqual } from '../../test/helpers.js';
import { formatDate, formatDateTime, formatDaysFromNow, formatNumber } from './format.js';

describe('format', () => {
  const day = '2027-01-12T12:00:00Z';

  it('writes one date format per locale', () => {
    assertEqual(formatDate(day, 'en'), 'Jan 12, 2027');
    assertEqual(formatDate(day, 'de'), '12.01.2027');
    assert(formatDateTime(day, 'de').startsWith('12.01.2027'), formatDateTime(day, 'de'));
  });

  it('counts calendar days ahead', () => {
    const now = new Date('2026-12-16T13:00:00Z');
    assertEqual(formatDaysFromNow(day, now, 'en'), 'in 27 days');
    assertEqual(formatDaysFromNow(day, now, 'de'), 'in 27 Tagen');
    assertEqual(formatDaysFromNow(day, new Date('2027-01-11T13:00:00Z'), 'en'), 'tomorrow');
    assertEqual(formatDaysFromNow(day, new Date('2027-01-12T09:00:00Z'), 'de'), 'heute');
  });

  it('groups numbers as the locale does', () => {
    assertEqual(formatNumber(300000, 'en'), '300,000');
    assertEqual(formatNumber(300000, 'de'), '300.000');
  });
});
