import { describe, test, expect } from 'vitest';
import { parseSeriesCsv, parseTimestamp, SeriesCsvError } from '@/scripts/lib/series-csv';

const T = Date.parse('2025-03-10T08:00:00Z');

describe('parseTimestamp', () => {
  test.each([
    ['2025-03-10T08:00:00Z', T],
    ['2025-03-10T09:00:00+01:00', T],
    [String(T / 1000), T],
    [String(T), T],
    ['1741593600.5', T + 500],
    ['10/03/2025', null],
    ['hier', null],
  ])('%s → %s', (raw, expected) => {
    expect(parseTimestamp(raw)).toBe(expected);
  });
});

describe('parseSeriesCsv', () => {
  test.each([
    ['with a header', 'timestamp,count\n2025-03-10T08:00:00Z,3\n2025-03-10T08:01:00Z,0\n'],
    ['without a header', '2025-03-10T08:00:00Z,3\n2025-03-10T08:01:00Z,0'],
    ['with semicolons and CRLF', 'date;nb\r\n2025-03-10T08:00:00Z;3\r\n2025-03-10T08:01:00Z;0\r\n'],
    ['with epoch seconds', `${T / 1000},3\n${T / 1000 + 60},0\n`],
  ])('reads a file %s', (_, text) => {
    expect(parseSeriesCsv(text)).toEqual([
      { t: T, count: 3 },
      { t: T + 60_000, count: 0 },
    ]);
  });

  test.each([
    [
      'a bad count',
      'timestamp,count\n2025-03-10T08:00:00Z,1\n2025-03-10T08:01:00Z,deux\n',
      3,
      /nombre de signalements invalide « deux »/,
    ],
    ['a negative count', '2025-03-10T08:00:00Z,-1\n', 1, /nombre de signalements invalide/],
    ['a bad timestamp', 'timestamp,count\n\n10/03/2025 08:00,1\n', 3, /horodatage invalide/],
    ['a missing column', 'timestamp,count\n2025-03-10T08:00:00Z\n', 2, /2 colonnes attendues/],
    ['no data', 'timestamp,count\n', 0, /aucune ligne de données/],
  ])('rejects %s with its line number', (_, text, line, message) => {
    try {
      parseSeriesCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SeriesCsvError);
      expect((error as SeriesCsvError).line).toBe(line);
      expect((error as SeriesCsvError).message).toMatch(message);
    }
  });
});
