import { assertEqual } from '../../test/helpers.js';
import type { Alert } from '../api/types.js';
import { deAlerts, enAlerts } from './alert-messages.js';

const alert = (kind: Alert['kind'], subject: Alert['subject']): Alert => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind,
  severity: kind === 'invoice-issued' ? 'info' : 'warning',
  businessUnitId: '00000000-0000-4000-8000-000000000002',
  businessUnitName: 'Reseller One',
  subject,
  summary: 'English summary',
  raisedAt: '2026-11-29T10:00:00.000Z',
  read: false,
});
const when = (iso: string) => iso;

describe('alert messages of quotas and invoices', () => {
  it('word a crossed soft quota of stored GB and of tenants of a type, in English and German', () => {
    const stored = alert('quota-exceeded', { metric: 'stored_gb', limit: '500', consumption: '612.5' });
    const tenants = alert('quota-exceeded', { metric: 'tenants.test', limit: '2', consumption: '3' });
    assertEqual(enAlerts.describe(stored, when), 'Soft quota exceeded: 612.5 GB stored, the quota is 500 GB.');
    assertEqual(enAlerts.describe(tenants, when), 'Soft quota exceeded: 3 test tenants, the quota is 2.');
    assertEqual(
      deAlerts.describe(stored, when),
      'Kontingent-Warnschwelle überschritten: 612,5 GB gespeichert, die Schwelle ist 500 GB.',
    );
    assertEqual(
      deAlerts.describe(tenants, when),
      'Kontingent-Warnschwelle überschritten: 3 Tenants vom Typ test, die Schwelle ist 2.',
    );
  });

  it('word an issued invoice with its seller, number and month', () => {
    const issued = alert('invoice-issued', { sellerName: 'Reseller One', invoiceNumber: 7, period: '2026-10' });
    assertEqual(enAlerts.describe(issued, when), 'Reseller One issued invoice 7 for 2026-10.');
    assertEqual(deAlerts.describe(issued, when), 'Reseller One hat die Rechnung 7 für 2026-10 ausgestellt.');
  });
});
