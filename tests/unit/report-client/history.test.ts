import { describe, expect, test } from 'vitest';
import { HISTORY_MAX, lastAcademy, loadHistory, parseHistory, previousReport, rememberReport, usualPlatforms } from '@/lib/report-client/history';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

const T = Date.parse('2021-04-06T07:05:00Z');

describe('report history on the device', () => {
  test('remembers reports newest first, capped, and survives a reload', () => {
    const storage = memoryStorage();
    let h = loadHistory(storage);
    for (let i = 0; i < HISTORY_MAX + 5; i += 1) h = rememberReport(storage, h, { platform: 'pronote', academy: 'lille', at: T + i });
    expect(h).toHaveLength(HISTORY_MAX);
    expect(loadHistory(storage)[0]?.at).toBe(T + HISTORY_MAX + 4);
  });

  test('ignores corrupt or hostile storage', () => {
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory('{"a":1}')).toEqual([]);
    expect(parseHistory(JSON.stringify([{ platform: '<script>', academy: 'lille', at: 1 }, { platform: 'pronote', academy: 'lille', at: 2 }]))).toEqual([{ platform: 'pronote', academy: 'lille', at: 2 }]);
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    expect(loadHistory(throwing)).toEqual([]);
    expect(rememberReport(throwing, [], { platform: 'pronote', academy: 'lille', at: T })).toHaveLength(1);
  });

  test('offers the last académie and the usual services there, most frequent first', () => {
    const h = [
      { platform: 'ent-hauts-de-france', academy: 'lille', at: T + 3 },
      { platform: 'pronote', academy: 'lille', at: T + 2 },
      { platform: 'pronote', academy: 'lille', at: T + 1 },
      { platform: 'ecoledirecte', academy: 'amiens', at: T },
    ];
    expect(lastAcademy(h)).toBe('lille');
    expect(usualPlatforms(h, 'lille')).toEqual(['pronote', 'ent-hauts-de-france']);
    expect(usualPlatforms(h, 'paris')).toEqual([]);
    expect(lastAcademy([])).toBeNull();
  });

  test('finds the previous report of the same service within the counting window', () => {
    const h = [{ platform: 'pronote', academy: 'lille', at: T }];
    expect(previousReport(h, { platform: 'pronote', before: T + 4 * 60_000 })).toEqual(h[0]);
    expect(previousReport(h, { platform: 'pronote', before: T + 11 * 60_000 })).toBeNull();
    expect(previousReport(h, { platform: 'cned-ma-classe-a-la-maison', before: T + 60_000 })).toBeNull();
  });
});

describe('service order in an académie', () => {
  test('in trouble here first, then this device’s usual ones, then the catalogue order', async () => {
    const { listVisiblePlatforms, preferredPlatforms } = await import('@/lib/report-client/platform-choices');
    const p = (id: string, scope: 'national' | 'regional' = 'national') => ({ id, name: id, kind: 'ENT' as const, scope, academies: ['lille'], domains: [], aliases: [] });
    const platforms = [p('a'), p('b'), p('c'), p('d', 'regional')];
    const preferred = preferredPlatforms({ troubled: ['d'], usual: ['c', 'd'] });
    expect(preferred).toEqual(['d', 'c']);
    const ids = listVisiblePlatforms({ platforms, academy: 'lille', query: '', selected: '', isInteractive: true, preferred }).map((x) => x.id);
    expect(ids).toEqual(['d', 'c', 'a', 'b']);
    expect(listVisiblePlatforms({ platforms, academy: 'lille', query: '', selected: '', isInteractive: false, preferred }).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
