import { describe, expect, it } from 'vitest';
import { intensityOf, mostSevere, severityFor } from '@/lib/map-state/severity';

describe('severityFor', () => {
  it('takes the level from the open incident, never from counts alone', () => {
    expect(severityFor({ incidentLevel: null, reporters: 500, expected: 1 }).severity).toBe('normal');
    expect(severityFor({ incidentLevel: 'possible', reporters: 3, expected: 1 }).severity).toBe('perturbe');
    expect(severityFor({ incidentLevel: 'detected', reporters: 0, expected: 1 }).severity).toBe('panne');
  });
});

describe('intensityOf', () => {
  it('is 0 at or below the baseline and grows on a log scale up to 1', () => {
    expect(intensityOf(0, 10)).toBe(0);
    expect(intensityOf(10, 10)).toBe(0);
    expect(intensityOf(20, 10)).toBeGreaterThan(0);
    expect(intensityOf(40, 10)).toBeGreaterThan(intensityOf(20, 10));
    expect(intensityOf(1_000, 10)).toBe(1);
  });

  it('floors tiny expectations so a single report is not an extreme ratio', () => {
    expect(intensityOf(1, 0)).toBeLessThan(0.25);
  });
});

describe('mostSevere', () => {
  it('orders panne > perturbe > normal', () => {
    expect(mostSevere('normal', 'panne')).toBe('panne');
    expect(mostSevere('perturbe', 'normal')).toBe('perturbe');
  });
});
