import { describe, expect, test } from 'vitest';
import { csvField, csvLine, csvPreamble, parseCsv } from '@/lib/export/csv';

const TRICKY = ['simple', 'avec, virgule', 'avec ; point-virgule', 'guillemets "dedans"', 'deux\nlignes', '#dièse en tête', 'é à ç œ 😀', ''];

describe('csvField', () => {
  test('quotes only what needs it and doubles quotes', () => {
    expect(csvField('abc')).toBe('abc');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });
});

describe('parseCsv', () => {
  test.each([',', ';'] as const)('reads back what csvLine wrote with %s, skipping the preamble and the BOM', (separator) => {
    const rows = [TRICKY, TRICKY.slice().reverse()];
    const text = '\uFEFF' + csvPreamble(['Source : École en panne', 'Licence : Licence Ouverte 2.0']) + rows.map((r) => csvLine(r, separator)).join('');
    expect(parseCsv(text, separator)).toEqual(rows);
  });
});
