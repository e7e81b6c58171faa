import { describe, expect, test } from 'vitest';
import type { PlatformSummary } from '@/lib/map-state/types';
import { countBySeverity, headlinePlatforms, nationalPlatforms, sortAcademies, sortPlatforms } from '@/lib/map-view/rank';

const row = (name: string, severity: 'normal' | 'perturbe' | 'panne', intensity: number, reporters: number, served?: boolean) => ({
  name,
  severity,
  intensity,
  reporters,
  served,
});

const ROWS = [
  row('Lyon', 'normal', 0, 3),
  row('Créteil', 'panne', 0.4, 20),
  row('Amiens', 'perturbe', 0.9, 8),
  row('Versailles', 'panne', 0.9, 12),
  row('Paris', 'panne', 0.4, 30),
  row('Corse', 'normal', 0, 3),
  row('Guyane', 'panne', 1, 50, false),
];

describe('sortAcademies', () => {
  test('puts the most severe first, then stronger intensity, more reporters, names A→Z; unserved last', () => {
    expect(sortAcademies(ROWS).map((r) => r.name)).toEqual(['Versailles', 'Paris', 'Créteil', 'Amiens', 'Corse', 'Lyon', 'Guyane']);
  });

  test('sorts by name in French order, either way', () => {
    const names = ['Écully', 'Amiens', 'Evry', 'Zèbre'].map((n) => row(n, 'normal', 0, 0));
    expect(sortAcademies(names, 'name', 'asc').map((r) => r.name)).toEqual(['Amiens', 'Écully', 'Evry', 'Zèbre']);
    expect(sortAcademies(names, 'name', 'desc').map((r) => r.name)).toEqual(['Zèbre', 'Evry', 'Écully', 'Amiens']);
  });

  test('sorts by reporters, ties broken by severity then name', () => {
    expect(sortAcademies(ROWS, 'reporters').map((r) => r.name)).toEqual(['Guyane', 'Paris', 'Créteil', 'Versailles', 'Amiens', 'Corse', 'Lyon']);
    expect(sortAcademies(ROWS, 'reporters', 'asc').map((r) => r.name)[0]).toBe('Corse');
  });

  test('does not reorder its input', () => {
    const copy = [...ROWS];
    sortAcademies(ROWS);
    expect(ROWS).toEqual(copy);
  });
});

function summary(platformId: string, status: PlatformSummary['status'], since: string | null, academyCount = 1): PlatformSummary {
  return { platformId, status, since, academyCount, national: false, reporters: 0, expected: 0, sparkline: [] };
}

describe('headlinePlatforms', () => {
  test('lists outages before possible problems, the oldest first among equals, and leaves operational platforms out', () => {
    const list = headlinePlatforms([
      summary('a', 'degraded', '2021-04-06T06:00:00Z'),
      summary('b', 'outage', '2021-04-06T07:10:00Z'),
      summary('c', 'operational', null),
      summary('d', 'outage', '2021-04-06T07:02:00Z'),
    ]);
    expect(list.map((p) => p.platformId)).toEqual(['d', 'b', 'a']);
  });

  test('puts a national outage first, then regional ones by académies then reporters, then possible problems', () => {
    const list = headlinePlatforms([
      { ...summary('ent-idf', 'outage', '2021-04-06T07:00:00Z', 3), reporters: 400 },
      { ...summary('ent-ge', 'outage', '2021-04-06T07:05:00Z', 3), reporters: 500 },
      { ...summary('ent-hdf', 'outage', '2021-04-06T06:55:00Z', 2), reporters: 900 },
      { ...summary('possible-national', 'degraded', '2021-04-06T06:00:00Z', 30), national: true },
      { ...summary('cned', 'outage', '2021-04-06T07:02:00Z', 30), national: true, reporters: 100 },
    ]);
    expect(list.map((p) => p.platformId)).toEqual(['cned', 'ent-ge', 'ent-idf', 'ent-hdf', 'possible-national']);
    expect(nationalPlatforms(list, 30).map((p) => p.platformId)).toEqual(['cned', 'possible-national']);
    expect(nationalPlatforms(list, 80)).toEqual([]);
  });
});

describe('sortPlatforms', () => {
  test('puts platforms in trouble first, then the widest, then by name', () => {
    const rows = [
      { ...summary('x', 'operational', null, 0), name: 'Zed', reporters: 40 },
      { ...summary('y', 'degraded', 'now', 2), name: 'Yak' },
      { ...summary('z', 'outage', 'now', 1), name: 'Xen' },
      { ...summary('w', 'degraded', 'now', 5), name: 'Wax' },
      { ...summary('v', 'operational', null, 0), name: 'Ant', reporters: 40 },
    ];
    expect(sortPlatforms(rows).map((r) => r.name)).toEqual(['Xen', 'Wax', 'Yak', 'Ant', 'Zed']);
  });
});

describe('countBySeverity', () => {
  test('counts served académies per level', () => {
    expect(countBySeverity(ROWS)).toEqual({ normal: 2, perturbe: 1, panne: 3 });
  });
});
