import type { PrismaClient } from '@/lib/db/types';
import { listDigests, listLedgerDay, listReportEntries, type DigestRow, type LedgerEntryRow } from '@/lib/db/ledger';
import {
  listDossierIncidents, listDossierReports, listMinuteCounts, listModerationEntries,
  type DossierIncidentRow, type DossierReportRow, type DossierScope, type MinuteCountRow, type ModerationEntryRow,
} from '@/lib/db/dossier';
import type { ReportEntryFields } from '@/lib/evidence/entries';
import { parisDay } from '@/lib/evidence/paris-day';
import { publishDigest } from '@/lib/evidence/publish';
import type { SigningKey } from '@/lib/evidence/signing-key';
import type { DossierReport } from './report-columns';

export type LedgerDayProof = { day: string; digest: DigestRow; entryHashes: string[] };

export type DossierData = {
  reports: DossierReport[];
  counts: MinuteCountRow[];
  moderation: ModerationEntryRow[];
  incidents: DossierIncidentRow[];
  days: LedgerDayProof[];
};

const PAGE = 20_000;

async function readAllReports(db: PrismaClient, scope: DossierScope, onProgress: (read: number) => void): Promise<DossierReportRow[]> {
  const rows: DossierReportRow[] = [];
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const page = await listDossierReports(db, { scope, after, limit: PAGE });
    rows.push(...page);
    onProgress(rows.length);
    const last = page.at(-1);
    if (page.length < PAGE || !last) return rows;
    after = { at: last.createdAt, id: last.id };
  }
}

/** The digest covering every needed entry of `day`; publishes a fresh one when the latest falls short. */
async function digestCovering(input: { db: PrismaClient; key: SigningKey; day: string; maxSeq: bigint; now: Date }): Promise<DigestRow> {
  const [latest] = await listDigests(input.db, { limit: 1, day: input.day });
  if (latest && latest.lastSeq >= input.maxSeq) return latest;
  const final = input.day < parisDay(input.now);
  const published = await publishDigest({ db: input.db, key: input.key, day: input.day, final, now: input.now });
  if (published) return published;
  const [again] = await listDigests(input.db, { limit: 1, day: input.day });
  if (!again) throw new Error(`no digest for ${input.day}`);
  return again;
}

type EntryRef = { day: string; seq: bigint; body: string };

function toDossierReport(row: DossierReportRow, entry: EntryRef | undefined, indexOf: Map<bigint, number>): DossierReport {
  const body = entry ? (JSON.parse(entry.body) as ReportEntryFields) : null;
  const index = entry ? indexOf.get(entry.seq) : undefined;
  return {
    id: row.id,
    at: body?.at ?? row.createdAt.toISOString(),
    observedAt: body ? body.observedAt : null,
    platform: body?.platform ?? row.platformId,
    academy: body?.academy ?? row.academyId,
    category: body?.category ?? '',
    role: body ? body.role : null,
    counted: body?.counted ?? false,
    flag: body ? body.flag : null,
    ledgerDay: entry && index !== undefined ? entry.day : null,
    ledgerIndex: index ?? null,
    moderation: row.moderationState,
    hiddenReason: row.moderationState === 'hidden' ? row.flagReason : null,
    comment: row.comment,
  };
}

function daysOf(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 86_400_000) days.push(parisDay(new Date(t + 3 * 3_600_000)));
  return [...new Set(days)];
}

/** Each report's ledger entry: read day by day over the period (no per-report lookup), then the stragglers. */
async function findEntries(db: PrismaClient, scope: DossierScope, rows: DossierReportRow[]): Promise<Map<string, EntryRef>> {
  const wanted = new Set(rows.map((r) => r.id));
  const found = new Map<string, EntryRef>();
  const keep = (e: LedgerEntryRow) => {
    if (e.kind === 'report' && wanted.has(e.refId)) found.set(e.refId, { day: e.day, seq: e.seq, body: e.body });
  };
  for (const day of daysOf(scope.from, scope.to)) (await listLedgerDay(db, { day })).forEach(keep);
  (await listReportEntries(db, [...wanted].filter((id) => !found.has(id)))).forEach(keep);
  return found;
}

/** Reads everything a dossier holds, and the ledger days (with signed digests) that prove its reports. */
export async function collectDossierData(input: {
  db: PrismaClient;
  key: SigningKey;
  scope: DossierScope;
  now: Date;
  onProgress?: (fraction: number) => void;
}): Promise<DossierData> {
  const { db, scope } = input;
  const progress = input.onProgress ?? (() => {});
  const rows = await readAllReports(db, scope, (read) => progress(Math.min(0.4, read / 2_000_000)));
  const entries = await findEntries(db, scope, rows);
  progress(0.5);
  const maxSeq = new Map<string, bigint>();
  for (const e of entries.values()) if (e.seq > (maxSeq.get(e.day) ?? -1n)) maxSeq.set(e.day, e.seq);
  const days: LedgerDayProof[] = [];
  const indexOf = new Map<bigint, number>();
  for (const [day, seq] of [...maxSeq].sort(([a], [b]) => a.localeCompare(b))) {
    const digest = await digestCovering({ db, key: input.key, day, maxSeq: seq, now: input.now });
    const registre = await listLedgerDay(db, { day, uptoSeq: digest.lastSeq });
    registre.forEach((e, i) => indexOf.set(e.seq, i));
    days.push({ day, digest, entryHashes: registre.map((e) => e.hash) });
  }
  progress(0.6);
  const [counts, moderation, incidents] = await Promise.all([listMinuteCounts(db, scope), listModerationEntries(db, scope), listDossierIncidents(db, scope)]);
  progress(0.7);
  return { reports: rows.map((r) => toDossierReport(r, entries.get(r.id), indexOf)), counts, moderation, incidents, days };
}
