import { describe, test, expect } from 'vitest';
import { buildUsageFactors, toSimWindow, MINUTE_MS } from '@/lib/simulate/usage-factors';

function factorAt(academyId: string, iso: string, multipliers = []): number {
  const window = toSimWindow(new Date(iso), new Date(Date.parse(iso) + MINUTE_MS));
  return buildUsageFactors({ window, academyId, multipliers })[0] ?? Number.NaN;
}

describe('toSimWindow', () => {
  test('widens the window to whole minutes', () => {
    const window = toSimWindow(new Date('2021-03-09T07:00:30Z'), new Date('2021-03-09T07:02:10Z'));
    expect(window).toEqual({ t0: Date.parse('2021-03-09T07:00:00Z'), minutes: 3 });
  });
});

describe('buildUsageFactors', () => {
  test.each([
    ['paris', '2021-03-09T07:45:00+01:00', 1, 'school day peak, winter time'],
    ['paris', '2021-03-30T07:45:00+02:00', 1, 'school day peak after the DST switch'],
    ['paris', '2021-03-10T15:00:00+01:00', 0.25, 'Wednesday afternoon'],
    ['paris', '2021-03-13T10:00:00+01:00', 0.15, 'Saturday'],
    ['paris', '2021-03-14T10:00:00+01:00', 0.1, 'Sunday'],
    ['paris', '2021-04-05T07:45:00+02:00', 0.02, 'Easter Monday uses the Sunday shape'],
    ['paris', '2021-04-20T10:00:00+02:00', 0.15, 'spring holidays use the Saturday shape'],
    ['la-reunion', '2021-03-23T07:45:00+04:00', 1, 'La Réunion in its own time zone'],
    ['la-reunion', '2021-03-23T07:45:00+01:00', 0.5, 'Réunion at 10:45 local'],
    ['martinique', '2021-03-09T07:45:00-04:00', 1, 'Martinique in its own time zone'],
  ])('%s at %s is %f (%s)', (academyId, iso, expected) => {
    expect(factorAt(academyId, iso)).toBeCloseTo(expected, 6);
  });

  test('applies multipliers only to the listed académies and inside their window', () => {
    const window = toSimWindow(new Date('2021-03-09T09:00:00Z'), new Date('2021-03-09T11:00:00Z'));
    const multipliers = [
      {
        from: Date.parse('2021-03-09T10:00:00Z'),
        to: Date.parse('2021-03-09T10:30:00Z'),
        factor: 2,
        academies: ['paris'],
      },
    ];
    const paris = buildUsageFactors({ window, academyId: 'paris', multipliers });
    const lyon = buildUsageFactors({ window, academyId: 'lyon', multipliers });
    expect([paris[59], paris[60], paris[89], paris[90]]).toEqual([0.5, 1, 1, 0.5]);
    expect(lyon[60]).toBe(0.5);
  });
});
