import { describe, expect, test } from 'vitest';
import { parseCsv } from '@/lib/export/csv';
import { archiveCsvLine } from '@/lib/jobs/report-partitions';

describe('archiveCsvLine', () => {
  test('keeps NULL (empty field) apart from an empty string ("")', () => {
    expect(archiveCsvLine(['a', null, '', 'b'])).toBe('a,,"",b\r\n');
  });

  test('quotes separators, quotes and newlines, and reads back as written', () => {
    const values = ['Page "blanche", encore', 'ligne 1\nligne 2', '#1', 'plain'];
    const line = archiveCsvLine(values);
    expect(parseCsv(line, ',')).toEqual([values]);
  });
});
