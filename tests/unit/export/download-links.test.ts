import { describe, expect, test } from 'vitest';
import { countsDownloadLinks, countsExportHref, stepFor } from '@/lib/export/download-links';

const FROM = Date.parse('2021-04-06T07:00:00Z');
const TO = Date.parse('2021-04-06T07:30:00Z');

describe('stepFor', () => {
  test.each([[1, '1min'], [5, '1min'], [15, '15min'], [30, '15min'], [60, '1h'], [180, '1h'], [1440, '1j']] as const)('%d-minute buckets → %s', (minutes, step) => {
    expect(stepFor(minutes)).toBe(step);
  });
});

describe('countsExportHref', () => {
  test('carries the page filters and period, French Excel CSV by default', () => {
    const href = countsExportHref({ from: FROM, to: TO, bucketMinutes: 1, platformId: 'cned-ma-classe-a-la-maison', category: 'login' });
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/api/v1/exports/comptages');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      de: '2021-04-06T07:00:00.000Z',
      a: '2021-04-06T07:30:00.000Z',
      pas: '1min',
      plateforme: 'cned-ma-classe-a-la-maison',
      categorie: 'login',
      format: 'csv',
      bom: '1',
      separateur: 'point-virgule',
    });
  });

  test('other formats leave the CSV options out', () => {
    const { others } = countsDownloadLinks({ from: FROM, to: TO, bucketMinutes: 60, academyId: 'paris' });
    expect(others.map((o) => new URL(o.href, 'http://x').searchParams.get('format'))).toEqual(['csv', 'ndjson', 'json', 'geojson']);
    expect(new URL(others[2]?.href ?? '', 'http://x').searchParams.get('bom')).toBeNull();
    expect(new URL(others[0]?.href ?? '', 'http://x').searchParams.get('academie')).toBe('paris');
  });
});
