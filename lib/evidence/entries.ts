import { canonicalJson } from '@/lib/audit/canonical';

/** The public fields of an accepted report, as the ledger records them (never fingerprints or tokens). */
export type ReportEntryFields = {
  id: string;
  at: string;
  observedAt: string | null;
  platform: string;
  academy: string;
  category: string;
  role: string | null;
  counted: boolean;
  flag: string | null;
};

export const LEDGER_KINDS = ['report', 'moderation', 'incident'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The exact text the database hashed for a report (same as ledger_report_body() in SQL): canonical JSON,
 * keys sorted, no spaces, times as ISO-8601 UTC with milliseconds.
 */
export function reportEntryBody(r: ReportEntryFields): string {
  return canonicalJson({
    academy: r.academy,
    at: r.at,
    category: r.category,
    counted: r.counted,
    flag: r.flag,
    id: r.id,
    kind: 'report',
    observedAt: r.observedAt,
    platform: r.platform,
    role: r.role,
    v: 1,
  });
}

export function isLedgerKind(value: string): value is LedgerKind {
  return (LEDGER_KINDS as readonly string[]).includes(value);
}
