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

const str = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));

/**
 * The exact text hashed for a report's ledger entry (same as ledger_report_body() in SQL): canonical JSON,
 * keys sorted, no spaces, times as ISO-8601 UTC with milliseconds. Written out key by key because the
 * ingest batch builds one per accepted report.
 */
export function reportEntryBody(r: ReportEntryFields): string {
  return `{"academy":${str(r.academy)},"at":${str(r.at)},"category":${str(r.category)},"counted":${r.counted ? 'true' : 'false'},"flag":${str(r.flag)},"id":${str(r.id)},"kind":"report","observedAt":${str(r.observedAt)},"platform":${str(r.platform)},"role":${str(r.role)},"v":1}`;
}
