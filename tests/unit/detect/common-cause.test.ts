import { describe, test, expect } from 'vitest';
import { findCommonCauses, type OpenEpisodeRef } from '@/lib/detect/common-cause';

const MIN = 60_000;
const T0 = Date.parse('2021-04-06T06:30:00Z');

function episode(
  platformId: string,
  academyId: string | null,
  minute: number,
  operatorGroup: string | null = null,
): OpenEpisodeRef {
  return { platformId, operatorGroup, academyId, start: T0 + minute * MIN };
}

const ACADEMIES = ['paris', 'creteil', 'versailles', 'lille', 'amiens', 'lyon'];

describe('findCommonCauses', () => {
  test.each([
    [
      'two platforms of one operator within 30 min',
      [episode('monlycee-net', null, 0, 'ode'), episode('mon-bureau-numerique', null, 12, 'ode')],
      [['operator', 'ode', 2]],
    ],
    [
      'one operator platform alone',
      [episode('monlycee-net', null, 0, 'ode'), episode('monlycee-net', 'paris', 5, 'ode')],
      [],
    ],
    [
      'two platforms of one operator 2 hours apart',
      [episode('monlycee-net', null, 0, 'ode'), episode('mon-bureau-numerique', null, 120, 'ode')],
      [],
    ],
    [
      'one platform in 5 académies',
      ACADEMIES.slice(0, 5).map((id, i) => episode('pronote', id, i * 3)),
      [['multi_academy', 'pronote', 5]],
    ],
    [
      'one platform in 4 académies',
      ACADEMIES.slice(0, 4).map((id, i) => episode('pronote', id, i * 3)),
      [],
    ],
    [
      'three platforms at once nationally',
      [episode('pronote', null, 0), episode('ecoledirecte', null, 10), episode('cned', null, 25)],
      [['multi_platform', 'national', 3]],
    ],
    [
      'three platforms spread over an hour',
      [episode('pronote', null, 0), episode('ecoledirecte', null, 31), episode('cned', null, 62)],
      [],
    ],
  ])('%s', (_, episodes, expected) => {
    const causes = findCommonCauses(episodes).map((c) => [c.kind, c.key, c.members.length]);
    expect(causes).toEqual(expected);
  });

  test('reports the group start and keeps the input objects as members', () => {
    const members = [episode('a', null, 5, 'g'), episode('b', null, 0, 'g')];
    const [cause] = findCommonCauses(members);
    expect(cause?.start).toBe(T0);
    expect(cause?.members).toContain(members[0]);
  });
});
