import type { Invoice } from '@scc/contracts/billing';

/** A CSV cell: quoted when it holds a separator, quote or line break; a leading =+-@ is defused for spreadsheets. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The invoice as CSV: a header block, one row per line (tiers joined), the total. */
export function invoiceCsv(invoice: Invoice): string {
  const rows: string[][] = [
    ['invoice', invoice.number === null ? 'draft' : String(invoice.number)],
    ['seller', invoice.sellerName],
    ['buyer', invoice.buyerName],
    ['period', invoice.period],
    ['status', invoice.status],
    ['currency', invoice.currency],
    [],
    ['metric', 'quantity', 'tiers', 'minimum_fee', 'amount'],
    ...invoice.lines.map((l) => [
      l.metric,
      l.quantity,
      l.tiers.map((t) => `${t.quantity} x ${t.unitPrice}`).join(' + '),
      l.minimumFee ?? '',
      l.amount,
    ]),
    [],
    ['total', '', '', '', invoice.total],
  ];
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** PDF strings in the standard fonts are Latin-1 (WinAnsi); other characters print as `?`. */
function pdfText(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 63;
    const latin = code >= 0x20 && code <= 0xff && !(code >= 0x7f && code < 0xa0) ? ch : '?';
    out += latin === '(' || latin === ')' || latin === '\\' ? `\\${latin}` : latin;
  }
  return out;
}

const LINES_PER_PAGE = 48;

/**
 * A minimal valid PDF (1.4) of the invoice: A4 pages of Helvetica text, a cross-reference table
 * with exact byte offsets. No dependency: an invoice is lines of text, and this stays readable.
 */
export function invoicePdf(invoice: Invoice): Uint8Array {
  const text: { line: string; bold?: boolean }[] = [
    { line: `Invoice ${invoice.number === null ? '(draft)' : `no. ${invoice.number}`}`, bold: true },
    { line: `From: ${invoice.sellerName}` },
    { line: `To: ${invoice.buyerName}` },
    { line: `Period: ${invoice.period}    Currency: ${invoice.currency}    Status: ${invoice.status}` },
    { line: '' },
    { line: 'Metric / quantity / tiers / minimum fee / amount', bold: true },
    ...invoice.lines.map((l) => ({
      line: `${l.metric}   ${l.quantity}   ${l.tiers.map((t) => `${t.quantity} x ${t.unitPrice}`).join(' + ') || '-'}   ${
        l.minimumFee ? `min ${l.minimumFee}` : ''
      }   ${l.amount}`,
    })),
    { line: '' },
    { line: `Total: ${invoice.total} ${invoice.currency}`, bold: true },
    { line: 'Amounts per line rounded half to even to the cent; the total is the sum of the lines.' },
  ];
  const pages: (typeof text)[] = [];
  for (let i = 0; i < text.length; i += LINES_PER_PAGE) pages.push(text.slice(i, i + LINES_PER_PAGE));
  // Objects: 1 catalog, 2 pages, 3 font, 4 bold font, then per page a page and its content.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  pages.forEach((lines, i) => {
    const content = [
      'BT',
      '14 TL',
      '50 790 Td',
      ...lines.map((l) => `/${l.bold ? 'F2' : 'F1'} 10 Tf (${pdfText(l.line)}) Tj T*`),
      'ET',
    ].join('\n');
    const pageId = pageIds[i] ?? 0;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
