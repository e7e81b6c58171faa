import { describe, expect, test } from 'vitest';
import { buildTimeline } from '@/lib/dashboard/incident-timeline';

const M = 60_000;
const ev = (at: number, kind: string, data: unknown = {}, byModerator = false) => ({ at: at * M, kind, data, byModerator });

describe('buildTimeline', () => {
  test('orders events in time, groups académies joining in the same minute, adds the peak', () => {
    const items = buildTimeline({
      events: [
        ev(0, 'started', { level: 'detected' }),
        ev(0, 'academy_joined', { academyId: 'paris' }),
        ev(0, 'academy_joined', { academyId: 'creteil' }),
        ev(2, 'detected'),
        ev(1, 'possible'),
        ev(30, 'academy_joined', { academyId: 'lille' }),
        ev(90, 'closed', { reason: 'no_longer_detected' }),
        ev(95, 'annotated', { note: 'Confirmé par le rectorat.' }, true),
      ],
      startedAt: 0,
      peak: { at: 20 * M, reporters: 42 },
    });
    expect(items).toEqual([
      { kind: 'started', at: 0 },
      { kind: 'academies_joined', at: 0, academies: ['paris', 'creteil'] },
      { kind: 'possible', at: M },
      { kind: 'detected', at: 2 * M },
      { kind: 'peak', at: 20 * M, reporters: 42 },
      { kind: 'academies_joined', at: 30 * M, academies: ['lille'] },
      { kind: 'closed', at: 90 * M },
      { kind: 'annotated', at: 95 * M, note: 'Confirmé par le rectorat.' },
    ]);
  });

  test('moderation events: dismissed with its reason, merge and split with the other incident', () => {
    const items = buildTimeline({
      events: [ev(5, 'dismissed', { reason: 'Spam', previousState: 'open' }), ev(6, 'merged', { into: 'b' }), ev(7, 'merged', { from: 'c' }), ev(8, 'split', { into: 'd', academies: ['x'] })],
      startedAt: 0,
      peak: null,
    });
    expect(items).toEqual([
      { kind: 'started', at: 0 },
      { kind: 'dismissed', at: 5 * M, reason: 'Spam' },
      { kind: 'merged_into', at: 6 * M, otherId: 'b' },
      { kind: 'merged_from', at: 7 * M, otherId: 'c' },
      { kind: 'split_into', at: 8 * M, otherId: 'd' },
    ]);
  });

  test('skips unknown kinds, malformed data and repeated detector events', () => {
    const items = buildTimeline({
      events: [ev(0, 'started'), ev(0, 'started'), ev(1, 'mystery'), ev(2, 'academy_joined', { academyId: 3 }), ev(3, 'annotated', null)],
      startedAt: 0,
      peak: { at: 0, reporters: 0 },
    });
    expect(items).toEqual([{ kind: 'started', at: 0 }]);
  });
});
