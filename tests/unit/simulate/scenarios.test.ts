import { describe, test, expect } from 'vitest';
import { nightTrickle, scenario2021, simulate, spamFlood } from '@/lib/simulate/generate';

const DAYS_2021 = {
  start: new Date('2021-04-06T00:00:00+02:00'),
  end: new Date('2021-04-08T00:00:00+02:00'),
};
const CNED = 'cned-ma-classe-a-la-maison';
const BREAKDOWN = ['unreachable', 'login', 'error_page'];
const ENTS = [
  'monlycee-net',
  'ent-hauts-de-france',
  'mon-ent-occitanie',
  'leduc-de-normandie',
  'netocentre',
  'mon-bureau-numerique',
];

describe('scenario2021', () => {
  const { reports, truth } = simulate({ ...DAYS_2021, seed: 2021, scenarios: [scenario2021()] });

  test('starts the CNED attack at 09:02 Paris time and ends it at 19:30', () => {
    const cned = truth.filter((t) => t.platformId === CNED && t.kind === 'attack');
    expect(cned).toHaveLength(1);
    expect(cned[0]?.start).toBe(Date.parse('2021-04-06T07:02:00Z'));
    expect(cned[0]?.end).toBe(Date.parse('2021-04-06T17:30:00Z'));
    expect(cned[0]?.academies).toBe('national');
  });

  test.each(ENTS)('saturates %s from 08:30 Paris time', (platformId) => {
    const entries = truth.filter((t) => t.platformId === platformId);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.kind).toBe('saturation');
    expect(entries[0]?.start).toBe(Date.parse('2021-04-06T06:30:00Z'));
  });

  test('slows Pronote and EcoleDirecte down and CNED again on the 7th', () => {
    const slow = truth.filter((t) => t.kind === 'slow_burn').map((t) => t.platformId);
    expect(slow.sort()).toEqual([CNED, 'ecoledirecte', 'pronote']);
    const seventh = truth.find((t) => t.id === '2021-04-07-cned-slow');
    expect(new Date(seventh?.start ?? 0).toISOString()).toBe('2021-04-07T06:00:00.000Z');
  });

  test.each(['lycee-connecte', 'toutatice', 'e-lyco', 'atrium', 'ent-auvergne-rhone-alpes'])(
    'leaves the control platform %s without truth or outage reports',
    (platformId) => {
      expect(truth.filter((t) => t.platformId === platformId)).toEqual([]);
      const own = reports.filter((r) => r.platformId === platformId);
      expect(own.filter((r) => r.origin !== 'background')).toEqual([]);
    },
  );

  test('names no control académie in a regional truth entry', () => {
    const named = truth.flatMap((t) => (t.academies === 'national' ? [] : t.academies));
    for (const id of ['bordeaux', 'poitiers', 'limoges', 'rennes']) expect(named).not.toContain(id);
  });

  test('sends mostly “slow” for slow-burns and breakdown categories for saturations', () => {
    const share = (outageId: string, categories: string[]) => {
      const list = reports.filter((r) => r.outageId === outageId);
      return list.filter((r) => categories.includes(r.category)).length / list.length;
    };
    expect(share('2021-04-06-pronote-slow', ['slow'])).toBeGreaterThan(0.5);
    expect(share('2021-04-06-monlycee-net', BREAKDOWN)).toBeGreaterThan(0.8);
  });

  test('raises baselines ×1.5 on 6–7 April in metropolitan académies only', () => {
    const scenario = scenario2021();
    const [multiplier] = scenario.baselineMultipliers ?? [];
    expect(multiplier?.factor).toBe(1.5);
    expect(multiplier?.academies).toContain('paris');
    expect(multiplier?.academies).not.toContain('la-reunion');
  });
});

describe('spamFlood', () => {
  const at = new Date('2021-03-09T20:00:00+01:00');
  const flood = { platformId: 'pronote', academyId: 'lyon', at, count: 80, durationMin: 15 };
  const spam = spamFlood(flood);
  const start = new Date('2021-03-09T00:00:00+01:00');
  const end = new Date('2021-03-10T00:00:00+01:00');
  const opts = { start, end, seed: 1, platforms: ['pronote'], scenarios: [spam] };
  const { reports, truth } = simulate(opts);
  const spamReports = reports.filter((r) => r.origin === 'spam');

  test('sends count reports from a single source within the duration', () => {
    expect(spamReports).toHaveLength(80);
    expect(new Set(spamReports.map((r) => r.source)).size).toBe(1);
    const times = spamReports.map((r) => r.t);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(at.getTime());
    expect(Math.max(...times)).toBeLessThan(at.getTime() + 15 * 60_000);
  });

  test('is not an outage', () => {
    expect(truth).toEqual([]);
  });
});

describe('nightTrickle', () => {
  test('sends 3 reports from 3 distinct people at night, with no truth', () => {
    const at = new Date('2021-03-10T02:10:00+01:00');
    const trickle = nightTrickle({ platformId: 'toutatice', academyId: 'rennes', at });
    const start = new Date('2021-03-10T00:00:00+01:00');
    const end = new Date('2021-03-10T06:00:00+01:00');
    const opts = { start, end, seed: 3, platforms: ['toutatice'], scenarios: [trickle] };
    const { reports, truth } = simulate(opts);
    const trickles = reports.filter((r) => r.origin === 'trickle');
    expect(trickles).toHaveLength(3);
    expect(new Set(trickles.map((r) => r.source)).size).toBe(3);
    const [from, to] = [at.getTime(), at.getTime() + 30 * 60_000];
    expect(trickles.every((r) => r.t >= from && r.t < to)).toBe(true);
    expect(truth).toEqual([]);
  });
});
