export { reportEntryBody, type ReportEntryFields } from '@/lib/domain/ledger-entry';

export const LEDGER_KINDS = ['report', 'moderation', 'incident'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export function isLedgerKind(value: string): value is LedgerKind {
  return (LEDGER_KINDS as readonly string[]).includes(value);
}
