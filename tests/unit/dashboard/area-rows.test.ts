import { describe, expect, test } from 'vitest';
import { isActiveIncident, rankAreas } from '@/lib/dashboard/area-rows';

describe('rankAreas', () => {
  test('open incidents first (outage before possible), then past ones, then by ratio to the baseline', () => {
    const rows = rankAreas({
      reporters: new Map([
        ['paris', 50],
        ['lille', 3],
        ['lyon', 40],
        ['nice', 0],
        ['nantes', 8],
      ]),
      expected: new Map([
        ['paris', 10],
        ['lille', 0.1],
        ['lyon', 20],
        ['nantes', 2],
      ]),
      incidents: [
        { ids: ['lyon'], level: 'possible', open: true },
        { ids: ['nantes'], level: 'detected', open: true },
        { ids: ['nice'], level: 'detected', open: false },
      ],
    });
    expect(rows.map((r) => r.id)).toEqual(['nantes', 'lyon', 'nice', 'lille', 'paris']);
    expect(rows.find((r) => r.id === 'lille')).toEqual({ id: 'lille', reporters: 3, expected: 0.1, ratio: 6, level: null, open: false });
    expect(rows.find((r) => r.id === 'nice')).toMatchObject({ reporters: 0, level: 'detected', open: false });
  });

  test('without baselines, ratio and expected are null and volume decides', () => {
    const rows = rankAreas({ reporters: new Map([['a', 1], ['b', 5]]), expected: null, incidents: [] });
    expect(rows).toEqual([
      { id: 'b', reporters: 5, expected: null, ratio: null, level: null, open: false },
      { id: 'a', reporters: 1, expected: null, ratio: null, level: null, open: false },
    ]);
  });
});

describe('isActiveIncident', () => {
  test('open and closed count; dismissed and merged do not', () => {
    expect(['open', 'closed', 'dismissed', 'merged'].map((state) => isActiveIncident({ state: state as 'open' }))).toEqual([true, true, false, false]);
  });
});
