import { describe, test, expect } from 'vitest';
import { getOutageEnvelope } from '@/lib/simulate/outage-profile';

describe('getOutageEnvelope', () => {
  test.each([
    [{}, 0, 1],
    [{}, 300, 1],
    [{ rampMinutes: 10 }, 0, 0.1],
    [{ rampMinutes: 10 }, 4, 0.5],
    [{ rampMinutes: 10 }, 10, 1],
    [{ decay: { halfLifeMinutes: 60, floor: 0.2 } }, 60, 0.6],
    [{ decay: { halfLifeMinutes: 60, floor: 0.2 } }, 6000, 0.2],
    [{ rampMinutes: 30, decay: { halfLifeMinutes: 60, floor: 0 } }, 90, 0.5],
  ])('envelope %j at minute %i is %f', (spec, elapsed, expected) => {
    expect(getOutageEnvelope(spec, elapsed)).toBeCloseTo(expected, 6);
  });
});
