import { describe, test, expect } from 'vitest';
import {
  getAcademyByDepartement,
  getAcademyById,
  isAcademyId,
  listAcademies,
} from '@/lib/geo/academies';

describe('listAcademies', () => {
  test('lists the 30 académies covering 101 départements once each', () => {
    const academies = listAcademies();
    expect(academies).toHaveLength(30);
    const departements = academies.flatMap((a) => a.departements);
    expect(new Set(departements).size).toBe(101);
    expect(departements).toHaveLength(101);
  });
});

describe('getAcademyById', () => {
  test('maps the JSON row to the domain type', () => {
    expect(getAcademyById('la-reunion')).toMatchObject({
      id: 'la-reunion',
      name: 'La Réunion',
      code: '28',
      overseas: true,
      timeZone: 'Indian/Reunion',
      departements: ['974'],
    });
    expect(getAcademyById('paris')).toMatchObject({
      code: '01',
      regionId: 'ile-de-france',
      timeZone: 'Europe/Paris',
    });
  });

  test('returns null for an unknown id', () => {
    expect(getAcademyById('caen')).toBeNull();
    expect(isAcademyId('caen')).toBe(false);
    expect(isAcademyId('normandie')).toBe(true);
  });
});

describe('getAcademyByDepartement', () => {
  test.each([
    ['75', 'paris'],
    ['93', 'creteil'],
    ['92', 'versailles'],
    ['2A', 'corse'],
    ['2b', 'corse'],
    ['84', 'aix-marseille'],
    ['38', 'grenoble'],
    ['971', 'guadeloupe'],
    ['972', 'martinique'],
    ['973', 'guyane'],
    ['974', 'la-reunion'],
    ['976', 'mayotte'],
    ['975', 'normandie'],
    ['977', 'guadeloupe'],
    ['978', 'guadeloupe'],
  ])('%s → %s', (code, academy) => {
    expect(getAcademyByDepartement(code)?.id).toBe(academy);
  });

  test.each(['20', '987', '00'])('returns null for %s', (code) => {
    expect(getAcademyByDepartement(code)).toBeNull();
  });
});
