import { resolveLocale } from './index.js';

/** Strings of four eyes. They come with the approvals chunk. */
export interface ApprovalMessages {
  title: string;
  subject: Record<string, string>;
  /** Who asked, and how many approvals of how many are in. */
  requestedBy: (email: string, approvals: number, quorum: number) => string;
  expiresAt: (date: string) => string;
  move: (unit: string, to: string) => string;
  comment: string;
  approve: string;
  reject: string;
  approved: (what: string) => string;
  rejected: (what: string) => string;
}

export const enApprovals: ApprovalMessages = {
  title: 'Waiting for your approval',
  subject: {
    'terminate-productive': 'Terminate productive tenant',
    'copy-into-productive': 'Copy into productive tenant',
    'transport-into-productive': 'Transport into productive tenant',
    'subtree-move': 'Move business unit',
  },
  requestedBy: (email, approvals, quorum) => `Requested by ${email} · ${approvals} of ${quorum} approvals`,
  expiresAt: (date) => `Expires ${date}`,
  move: (unit, to) => `${unit} → ${to}`,
  comment: 'Comment (optional)',
  approve: 'Approve',
  reject: 'Reject',
  approved: (what) => `Approved: ${what}`,
  rejected: (what) => `Rejected: ${what}`,
};

export const deApprovals: ApprovalMessages = {
  title: 'Wartet auf Ihre Freigabe',
  subject: {
    'terminate-productive': 'Produktiven Mandanten kündigen',
    'copy-into-productive': 'In produktiven Mandanten kopieren',
    'transport-into-productive': 'In produktiven Mandanten transportieren',
    'subtree-move': 'Geschäftseinheit verschieben',
  },
  requestedBy: (email, approvals, quorum) => `Beantragt von ${email} · ${approvals} von ${quorum} Freigaben`,
  expiresAt: (date) => `Läuft ab am ${date}`,
  move: (unit, to) => `${unit} → ${to}`,
  comment: 'Kommentar (optional)',
  approve: 'Freigeben',
  reject: 'Ablehnen',
  approved: (what) => `Freigegeben: ${what}`,
  rejected: (what) => `Abgelehnt: ${what}`,
};

/** The locale's approval strings (English for a locale without). */
export function approvalMessagesFor(locale?: string | null): ApprovalMessages {
  const tag = resolveLocale(locale);
  return tag.startsWith('de') ? deApprovals : enApprovals;
}
