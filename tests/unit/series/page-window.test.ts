import { describe, expect, test } from 'vitest';
import { isPastWindow, pageWindow } from '@/lib/series/page-window';

const NOW = Date.parse('2021-04-06T10:00:30Z');

describe('pageWindow', () => {
  test('a preset is live (refreshed); a date or a custom range is not', () => {
    expect(pageWindow({ fenetre: '3h' }, NOW)).toMatchObject({ active: { kind: 'preset', preset: '3h' }, livePreset: '3h' });
    expect(pageWindow({ date: '2021-04-06' }, NOW)).toMatchObject({ active: { kind: 'date', date: '2021-04-06' }, livePreset: null });
    expect(pageWindow({ de: '2021-04-06T08:00', a: '2021-04-06T09:00' }, NOW)).toMatchObject({ active: { kind: 'custom' }, livePreset: null });
  });

  test('no or invalid parameters give the last 24 hours', () => {
    for (const params of [{}, { fenetre: 'jamais' }, { date: 'hier' }, { fenetre: ['7j', '3h'] }]) {
      const { window, active } = pageWindow(params, NOW);
      if ('fenetre' in params && Array.isArray(params.fenetre)) {
        expect(active).toEqual({ kind: 'preset', preset: '7j' });
        continue;
      }
      expect(active).toEqual({ kind: 'preset', preset: '24h' });
      expect(window.bucketMinutes).toBe(5);
    }
  });
});

describe('isPastWindow', () => {
  test('a window ending more than a minute before now is past; a live one is not', () => {
    const now = Date.parse('2026-12-07T01:00:00Z');
    expect(isPastWindow({ to: Date.parse('2021-04-06T10:00:00Z') }, now)).toBe(true);
    expect(isPastWindow({ to: now }, now)).toBe(false);
  });
});
