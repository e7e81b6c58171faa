import '@/lib/evidence/native-hash';
import type { PrismaClient } from '@/lib/db/types';
import { listAllDigests, listLedgerDay, listLedgerDays, listLedgerReportsMissingFromDb, listReportsDifferingFromLedger } from '@/lib/db/ledger';
import { checkDigestRoot, checkDigestSeal, findChangedEntries, parseDigestBody, type LedgerProblem } from './check-ledger';

export type LedgerReport = { days: number; entries: number; digests: number; problems: LedgerProblem[] };

const REPORT_LIMIT = 1000;

/**
 * Walks the digest chain (hash, signature, link), every day's entries (hash of each body) and each
 * digest's Merkle root, then the report table against the ledger. Problems name the entry or day.
 */
export async function verifyLedger(db: PrismaClient, publicKeyHex: string): Promise<LedgerReport> {
  const problems: LedgerProblem[] = [];
  const digests = await listAllDigests(db);
  let previous: string | null = null;
  for (const d of digests) {
    problems.push(...checkDigestSeal({ ...d, id: String(d.id) }, previous, publicKeyHex));
    previous = d.hash;
  }
  let entries = 0;
  const days = await listLedgerDays(db);
  for (const day of days) {
    const rows = await listLedgerDay(db, { day });
    entries += rows.length;
    problems.push(...findChangedEntries(day, rows));
    for (const d of digests.filter((x) => x.day === day)) {
      const body = parseDigestBody(d.body);
      const upto = body ? BigInt(body.lastSeq) : d.lastSeq;
      const hashes = rows.filter((r) => r.seq <= upto).map((r) => r.hash);
      problems.push(...checkDigestRoot({ ...d, id: String(d.id) }, hashes));
    }
  }
  for (const d of digests.filter((x) => !days.includes(x.day))) {
    problems.push(...checkDigestRoot({ ...d, id: String(d.id) }, []));
  }
  for (const r of await listLedgerReportsMissingFromDb(db, REPORT_LIMIT)) {
    problems.push({ kind: 'report_deleted', day: r.day, id: r.id, seq: String(r.seq) });
  }
  for (const r of await listReportsDifferingFromLedger(db, REPORT_LIMIT)) {
    problems.push(r.problem === 'absent' ? { kind: 'report_absent', id: r.id } : { kind: 'report_changed', id: r.id });
  }
  return { days: days.length, entries, digests: digests.length, problems };
}
