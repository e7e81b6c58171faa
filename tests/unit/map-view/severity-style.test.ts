import { describe, expect, test } from 'vitest';
import { contrastRatio } from '@/lib/map-view/contrast';
import { ALL_PATTERNS, AREA_OUTLINE, FOCUS_OUTLINE, intensityStep, severityStyle, SEVERITIES, UNSERVED_FILL } from '@/lib/map-view/severity-style';

const STEPS = [0, 0.5, 1];

describe('intensityStep', () => {
  test.each([
    [0, 0],
    [0.2, 0],
    [1 / 3, 1],
    [0.5, 1],
    [2 / 3, 2],
    [1, 2],
    [Number.NaN, 0],
  ])('%d → step %d', (intensity, step) => {
    expect(intensityStep(intensity)).toBe(step);
  });
});

describe('severityStyle', () => {
  test('hatches perturbé and panne differently, and leaves normal plain', () => {
    expect(severityStyle('normal', 1).pattern).toBeNull();
    expect(severityStyle('perturbe', 0).pattern?.kind).toBe('diagonal');
    expect(severityStyle('panne', 0).pattern?.kind).toBe('cross');
    expect(severityStyle('panne', 0.9).paint).toBe('url(#motif-panne-2)');
  });

  test('gives every level and intensity its own colour, darker as intensity grows', () => {
    const fills = SEVERITIES.flatMap((s) => STEPS.map((i) => severityStyle(s, i).fill));
    expect(new Set(fills).size).toBe(9);
    for (const s of SEVERITIES) {
      const [a, b, c] = STEPS.map((i) => severityStyle(s, i).fill) as [string, string, string];
      expect(contrastRatio(a, '#ffffff')).toBeLessThan(contrastRatio(b, '#ffffff'));
      expect(contrastRatio(b, '#ffffff')).toBeLessThan(contrastRatio(c, '#ffffff'));
    }
  });

  test('draws hatching at least 3:1 against its background (visible without colour vision)', () => {
    for (const p of ALL_PATTERNS) expect(contrastRatio(p.stroke, p.fill), p.id).toBeGreaterThanOrEqual(3);
  });

  test('puts a badge with readable ink (4.5:1) on every académie in trouble, and a 3:1 outline around it', () => {
    for (const s of ['perturbe', 'panne'] as const) {
      for (const i of STEPS) {
        const style = severityStyle(s, i);
        expect(style.mark).not.toBeNull();
        expect(contrastRatio(style.mark?.ink ?? '', style.mark?.fill ?? '')).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(style.mark?.fill ?? '', AREA_OUTLINE)).toBeGreaterThanOrEqual(3);
      }
    }
    expect(severityStyle('normal', 0.9).mark).toBeNull();
  });

  test('distinguishes the highest level from the lowest by lightness alone (3:1)', () => {
    expect(contrastRatio(severityStyle('normal', 0).fill, severityStyle('panne', 1).fill)).toBeGreaterThanOrEqual(3);
  });

  test('changes the outline of a focused académie by at least 3:1 (focus visible on any fill)', () => {
    expect(contrastRatio(FOCUS_OUTLINE, AREA_OUTLINE)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(FOCUS_OUTLINE, severityStyle('normal', 0).fill)).toBeGreaterThanOrEqual(3);
  });

  test('draws an académie the selected platform does not serve as neutral, without a badge', () => {
    const style = severityStyle('panne', 1, false);
    expect(style).toMatchObject({ fill: UNSERVED_FILL, paint: UNSERVED_FILL, pattern: null, mark: null, served: false });
  });
});

describe('contrastRatio', () => {
  test('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });
});
