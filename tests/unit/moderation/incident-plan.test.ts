import { describe, expect, test } from 'vitest';
import { planMerge, planSplit, type IncidentFacts } from '@/lib/moderation/incident-plan';

const t = (h: number) => new Date(Date.UTC(2026, 10, 28, h));

function incident(over: Partial<IncidentFacts>): IncidentFacts {
  return {
    id: 'a',
    platformId: 'pronote',
    state: 'closed',
    level: 'possible',
    startedAt: t(8),
    detectedAt: t(9),
    peakAt: t(9),
    peakReporters: 10,
    endedAt: t(10),
    reportCount: 40,
    reporterCount: 30,
    categoryBreakdown: { login: 30, slow: 10 },
    maxScore: 3,
    academies: [{ academyId: 'lille', joinedAt: t(8), level: 'possible' }],
    ...over,
  };
}

describe('planMerge', () => {
  test('unites times, peak, counts, categories and académies', () => {
    const source = incident({ id: 's', state: 'open', level: 'detected', startedAt: t(7), endedAt: null, peakReporters: 25, peakAt: t(11), academies: [{ academyId: 'amiens', joinedAt: t(7), level: 'detected' }, { academyId: 'lille', joinedAt: t(7), level: 'possible' }] });
    const plan = planMerge(source, incident({ id: 'i' }));
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.into).toMatchObject({ state: 'open', level: 'detected', startedAt: t(7), endedAt: null, peakReporters: 25, peakAt: t(11), reportCount: 80, reporterCount: 60, maxScore: 3 });
    expect(plan.into.categoryBreakdown).toEqual({ login: 60, slow: 20 });
    expect(plan.addAcademies.map((a) => a.academyId)).toEqual(['amiens']);
  });

  test('keeps the later end when both are closed', () => {
    const plan = planMerge(incident({ id: 's', endedAt: t(12) }), incident({ id: 'i' }));
    expect(typeof plan !== 'string' && plan.into.endedAt).toEqual(t(12));
  });

  test.each([
    [incident({ id: 'i' }), incident({ id: 'i' })],
    [incident({ id: 's', platformId: 'ent' }), incident({ id: 'i' })],
    [incident({ id: 's', state: 'dismissed' }), incident({ id: 'i' })],
    [incident({ id: 's' }), incident({ id: 'i', state: 'merged' })],
  ])('refuses %#', (source, into) => {
    expect(typeof planMerge(source, into)).toBe('string');
  });
});

describe('planSplit', () => {
  const three = incident({
    academies: [
      { academyId: 'lille', joinedAt: t(8), level: 'possible' },
      { academyId: 'amiens', joinedAt: t(9), level: 'detected' },
      { academyId: 'reims', joinedAt: t(10), level: 'possible' },
    ],
  });

  test('moves the chosen académies; the new incident starts at the first of them', () => {
    const plan = planSplit(three, ['reims', 'amiens']);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.moved.map((a) => a.academyId)).toEqual(['amiens', 'reims']);
    expect(plan.kept.map((a) => a.academyId)).toEqual(['lille']);
    expect(plan.startedAt).toEqual(t(9));
    expect(plan.level).toBe('detected');
  });

  test.each([[['lille', 'amiens', 'reims']], [['paris']], [[]]])('refuses %j', (ids) => {
    expect(typeof planSplit(three, ids)).toBe('string');
  });

  test('refuses dismissed incidents', () => {
    expect(typeof planSplit({ ...three, state: 'dismissed' }, ['lille'])).toBe('string');
  });
});
