import type { Transaction } from '@scc/db';
import { raiseAlert } from './raise.js';

interface IssuedInvoice {
  id: string;
  sellerName: string;
  buyerId: string;
  period: string;
  number: number | null;
  issuedAt: Date | string | null;
}

/**
 * An issued invoice raises its alert at the buyer, in the transaction that issued it: the buyer's
 * people see it, and so does the seller, whose subtree holds the buyer; units below the buyer
 * see it too but cannot open the invoice. No amount in it, for that reason.
 */
export async function alertInvoiceIssued(tx: Transaction, invoice: IssuedInvoice): Promise<void> {
  await raiseAlert(tx, {
    kind: 'invoice-issued',
    businessUnitId: invoice.buyerId,
    subject: {
      invoiceId: invoice.id,
      ...(invoice.number === null ? {} : { invoiceNumber: invoice.number }),
      period: invoice.period.slice(0, 7),
      sellerName: invoice.sellerName,
    },
    dedupeKey: `invoice-issued:${invoice.id}`,
    raisedAt: invoice.issuedAt === null ? new Date() : new Date(invoice.issuedAt),
  });
}
