import { canonicalJson, toJsonValue } from '@/lib/audit/canonical';
import { utf8ToBytes } from '@/lib/evidence/hash';
import { csvLine } from './csv';
import type { DossierData } from './collect';
import { shortLineHash } from './line-diff';
import { REPORT_COLUMNS, reportCells, type DossierReport } from './report-columns';

export type DossierFiles = Map<string, Uint8Array>;

const HOUR_MS = 3_600_000;

export function registreFileName(day: string): string {
  return `registre/${day}.txt`;
}

export function lineHashesFileName(name: string): string {
  return `controle/${name.replace(/\//g, '_')}.lignes`;
}

/** Cells (service × académie × hour) with fewer than k reports, which the dossier leaves out. */
export function suppressedCells(reports: readonly DossierReport[], k: number | null): Set<string> {
  if (k === null) return new Set();
  const counts = new Map<string, number>();
  for (const r of reports) {
    const cell = cellKey(r.platform, r.academy, Date.parse(r.at));
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count < k).map(([cell]) => cell));
}

export function cellKey(platform: string, academy: string, atMs: number): string {
  return `${platform}|${academy}|${Math.floor(atMs / HOUR_MS)}`;
}

function csvFile(header: readonly string[], rows: Array<Array<string | number | boolean | null>>): string {
  return [csvLine(header), ...rows.map(csvLine)].map((l) => `${l}\n`).join('');
}

function jsonFile(value: unknown): string {
  return `${canonicalJson(toJsonValue(value))}\n`;
}

/**
 * The dossier's data files, byte for byte a function of the data and the filters (no clock, no
 * random): two builds of the same dossier give the same files and hashes.
 */
export function buildDataFiles(data: DossierData, k: number | null): { files: DossierFiles; reports: DossierReport[]; suppressed: number } {
  const hidden = suppressedCells(data.reports, k);
  const reports = data.reports.filter((r) => !hidden.has(cellKey(r.platform, r.academy, Date.parse(r.at))));
  const keptIds = new Set(reports.map((r) => r.id));
  const counts = data.counts.filter((c) => !hidden.has(cellKey(c.platformId, c.academyId, c.bucketStart.getTime())));
  const text = new Map<string, string>();
  text.set('reports.csv', csvFile(REPORT_COLUMNS, reports.map(reportCells)));
  text.set('reports.json', jsonFile(reports));
  text.set('comptes-par-minute.csv', csvFile(['platform', 'academy', 'minute', 'reports', 'reporters'], counts.map((c) => [c.platformId, c.academyId, c.bucketStart.toISOString(), c.reports, c.reporters])));
  text.set('comptes-par-minute.json', jsonFile(counts.map((c) => ({ platform: c.platformId, academy: c.academyId, minute: c.bucketStart.toISOString(), reports: c.reports, reporters: c.reporters }))));
  text.set('incidents.json', jsonFile(data.incidents));
  const moderation = data.moderation.filter((m) => keptIds.has(m.reportId));
  text.set('moderation.csv', csvFile(['report_id', 'ledger_day', 'ledger_seq', 'entry'], moderation.map((m) => [m.reportId, m.day, String(m.seq), m.body])));
  for (const d of data.days) text.set(registreFileName(d.day), d.entryHashes.map((h) => `${h}\n`).join(''));
  for (const name of ['reports.csv', 'comptes-par-minute.csv', 'moderation.csv']) {
    const lines = (text.get(name) ?? '').split('\n').slice(0, -1);
    text.set(lineHashesFileName(name), lines.map((l) => `${shortLineHash(l)}\n`).join(''));
  }
  const files: DossierFiles = new Map([...text].map(([name, value]) => [name, utf8ToBytes(value)]));
  return { files, reports, suppressed: data.reports.length - reports.length };
}
