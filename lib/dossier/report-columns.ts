import { reportEntryBody, type ReportEntryFields } from '@/lib/evidence/entries';
import type { CsvCell } from './csv';

/** reports.csv columns: the ledger's fields first (re-hashed by the verifier), then today's moderation state. */
export const REPORT_COLUMNS = [
  'id', 'at', 'observed_at', 'platform', 'academy', 'category', 'role', 'counted', 'flag',
  'ledger_day', 'ledger_index', 'moderation', 'hidden_reason', 'comment',
] as const;

export type DossierReport = ReportEntryFields & {
  ledgerDay: string | null;
  ledgerIndex: number | null;
  moderation: string;
  hiddenReason: string | null;
  comment: string | null;
};

export function reportCells(r: DossierReport): CsvCell[] {
  return [
    r.id, r.at, r.observedAt, r.platform, r.academy, r.category, r.role, r.counted, r.flag,
    r.ledgerDay, r.ledgerIndex, r.moderation, r.hiddenReason, r.comment,
  ];
}

/** The ledger body a reports.csv row stands for (null when the row is not a report row). */
export function bodyFromCells(cells: readonly string[]): string | null {
  if (cells.length !== REPORT_COLUMNS.length) return null;
  const [id, at, observedAt, platform, academy, category, role, counted, flag] = cells as [string, string, string, string, string, string, string, string, string];
  if (counted !== 'true' && counted !== 'false') return null;
  return reportEntryBody({
    id, at, observedAt: observedAt || null, platform, academy, category, role: role || null, counted: counted === 'true', flag: flag || null,
  });
}
