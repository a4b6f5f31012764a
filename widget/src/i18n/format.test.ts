import { assert, assertEqual } from '../../test/helpers.js';
import { formatDate, formatDateTime, formatDaysFromNow } from './format.js';

describe('format', () => {
  const day = '2027-01-12T12:00:00Z';

  it('writes one date format per locale', () => {
    assertEqual(formatDate('en', day), 'Jan 12, 2027');
    assertEqual(formatDate('de', day), '12.01.2027');
    assert(formatDateTime('de', day).startsWith('12.01.2027'), formatDateTime('de', day));
  });

  it('counts calendar days ahead', () => {
    const now = new Date('2026-12-16T13:00:00Z');
    assertEqual(formatDaysFromNow('en', day, now), 'in 27 days');
    assertEqual(formatDaysFromNow('de', day, now), 'in 27 Tagen');
    assertEqual(formatDaysFromNow('en', day, new Date('2027-01-11T13:00:00Z')), 'tomorrow');
    assertEqual(formatDaysFromNow('de', day, new Date('2027-01-12T09:00:00Z')), 'heute');
  });
});
