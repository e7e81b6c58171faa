import type { CountPoint } from '@/lib/detect/types';

/** A CSV problem, with the 1-based line number it was found on (0 = whole file). */
export class SeriesCsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'SeriesCsvError';
  }
}

// Epoch numbers below this are seconds (until year 5138), above it milliseconds (after March 1973).
const EPOCH_SECONDS_LIMIT = 1e11;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Epoch ms of an ISO 8601 date-time or an epoch in seconds or milliseconds; null if invalid. */
export function parseTimestamp(raw: string): number | null {
  const value = raw.trim();
  if (NUMBER.test(value)) {
    const epoch = Number(value);
    return Math.round(Math.abs(epoch) < EPOCH_SECONDS_LIMIT ? epoch * 1000 : epoch);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

function splitFields(line: string): string[] {
  const separator = line.includes(',') ? ',' : line.includes(';') ? ';' : '\t';
  return line.split(separator).map((field) => field.trim().replace(/^"(.*)"$/, '$1'));
}

function parseRow(fields: string[], line: number): CountPoint {
  if (fields.length !== 2) {
    throw new SeriesCsvError(
      `ligne ${line} : 2 colonnes attendues (horodatage,nombre), ${fields.length} trouvée(s)`,
      line,
    );
  }
  const [rawTime = '', rawCount = ''] = fields;
  const t = parseTimestamp(rawTime);
  if (t === null)
    throw new SeriesCsvError(`ligne ${line} : horodatage invalide « ${rawTime} »`, line);
  const count = NUMBER.test(rawCount) ? Number(rawCount) : NaN;
  if (!Number.isFinite(count) || count < 0) {
    throw new SeriesCsvError(
      `ligne ${line} : nombre de signalements invalide « ${rawCount} »`,
      line,
    );
  }
  return { t, count };
}

/**
 * Parses `timestamp,count` rows (optional header; ',', ';' or tab separated; ISO 8601 or epoch
 * seconds/ms timestamps). Throws SeriesCsvError with the line number of the first bad row.
 */
export function parseSeriesCsv(text: string): CountPoint[] {
  const points: CountPoint[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = splitFields(line);
    const isHeader =
      points.length === 0 &&
      parseTimestamp(fields[0] ?? '') === null &&
      !NUMBER.test(fields[1] ?? '');
    if (isHeader) return;
    points.push(parseRow(fields, index + 1));
  });
  if (points.length === 0) throw new SeriesCsvError('aucune ligne de données dans le fichier', 0);
  return points;
}
