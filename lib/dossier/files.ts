const HOUR_MS = 3_600_000;

export function registreFileName(day: string): string {
  return `registre/${day}.txt`;
}

export function lineHashesFileName(name: string): string {
  return `controle/${name.replace(/\//g, '_')}.lignes`;
}

/** A k-anonymity cell: service × académie × UTC hour. */
export function cellKey(platform: string, academy: string, atMs: number): string {
  return cellKeyOfHour(platform, academy, Math.floor(atMs / HOUR_MS));
}

export function cellKeyOfHour(platform: string, academy: string, hour: number): string {
  return `${platform}|${academy}|${hour}`;
}

/** Cells with fewer than k reports, which the dossier leaves out (none without k). */
export function suppressedCells(cells: ReadonlyArray<{ platformId: string; academyId: string; hour: number; reports: number }>, k: number | null): Set<string> {
  if (k === null) return new Set();
  return new Set(cells.filter((c) => c.reports < k).map((c) => cellKeyOfHour(c.platformId, c.academyId, c.hour)));
}
