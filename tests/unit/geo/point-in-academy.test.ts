import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { createAcademyLocator } from '@/lib/geo/point-in-academy';
import { listAcademies } from '@/lib/geo/academies';

function loadShapes(): FeatureCollection {
  const text = readFileSync(
    new URL('../../../lib/geo/data/academies.geojson', import.meta.url),
    'utf8',
  );
  // Test fixture read from disk: the file is the validated academies.geojson.
  return JSON.parse(text) as FeatureCollection;
}

const shapes = loadShapes();
const locator = createAcademyLocator(shapes);
const tolerant = createAcademyLocator(shapes, { toleranceKm: 2 });

describe('findAcademyAt', () => {
  test.each<[string, number, number, string]>([
    ['Pointe-à-Pitre', -61.5331, 16.2411, 'guadeloupe'],
    ['Basse-Terre', -61.7261, 15.9985, 'guadeloupe'],
    ['Fort-de-France', -61.0588, 14.6161, 'martinique'],
    ['Cayenne', -52.33, 4.9372, 'guyane'],
    ['Saint-Laurent-du-Maroni', -54.0283, 5.5039, 'guyane'],
    ['Saint-Denis (La Réunion)', 55.4504, -20.8823, 'la-reunion'],
    ['Saint-Pierre (La Réunion)', 55.4781, -21.3393, 'la-reunion'],
    ['Mamoudzou', 45.2279, -12.7806, 'mayotte'],
    ['Dzaoudzi (Petite-Terre)', 45.2889, -12.7806, 'mayotte'],
    ['Paris', 2.3522, 48.8566, 'paris'],
    ['Bobigny', 2.4397, 48.9077, 'creteil'],
    ['Montreuil', 2.4431, 48.8638, 'creteil'],
    ['Vincennes', 2.4393, 48.8474, 'creteil'],
    ['Nanterre', 2.2069, 48.8924, 'versailles'],
    ['Boulogne-Billancourt', 2.2399, 48.8397, 'versailles'],
    ['Valréas (enclave des Papes)', 4.9917, 44.3847, 'aix-marseille'],
    ['Grignan, next to the enclave', 4.9083, 44.4197, 'grenoble'],
    ['Lyon', 4.8357, 45.764, 'lyon'],
    ['Villeurbanne', 4.8798, 45.7719, 'lyon'],
    ['Saint-Priest', 4.9436, 45.6959, 'lyon'],
    ['Givors (Rhône bank)', 4.7694, 45.5906, 'lyon'],
    ['Chasse-sur-Rhône (Isère bank)', 4.7983, 45.58, 'grenoble'],
    ['Vienne', 4.8748, 45.5255, 'grenoble'],
    ['Saint-Quentin-Fallavier', 5.1127, 45.6433, 'grenoble'],
    ['Marseille', 5.3698, 43.2965, 'aix-marseille'],
    ['Toulon', 5.928, 43.1242, 'nice'],
    ['Ajaccio', 8.7369, 41.9192, 'corse'],
    ['Bastia', 9.4509, 42.6977, 'corse'],
    ['Strasbourg', 7.7521, 48.5734, 'strasbourg'],
    ['Cherbourg', -1.6222, 49.6337, 'normandie'],
  ])('%s is in %s', (_name, lon, lat, academy) => {
    expect(locator.findAcademyAt(lon, lat)).toBe(academy);
  });

  test.each<[string, number, number]>([
    ['the Bay of Biscay', -5, 46],
    ['the Mediterranean', 5, 42.5],
    ['Llívia (Spanish enclave)', 1.9813, 42.4633],
    ['Monaco', 7.4246, 43.7384],
    ['Geneva', 6.1432, 46.2044],
    ['Brussels', 4.3517, 50.8503],
    ['not a number', Number.NaN, 45],
  ])('returns null in %s', (_name, lon, lat) => {
    expect(locator.findAcademyAt(lon, lat)).toBeNull();
  });

  test('puts every académie label point in its own académie', () => {
    for (const academy of listAcademies()) {
      expect(locator.findAcademyAt(academy.labelLon, academy.labelLat)).toBe(academy.id);
    }
  });

  test('snaps a point just off the coast only within the tolerance', () => {
    expect(locator.findAcademyAt(-1.58, 43.4832)).toBeNull();
    expect(tolerant.findAcademyAt(-1.58, 43.4832)).toBe('bordeaux');
    expect(tolerant.findAcademyAt(-1.63, 43.4832)).toBeNull();
    expect(tolerant.findAcademyAt(-5, 46)).toBeNull();
  });

  test('ignores features without an id or a polygon', () => {
    const custom = createAcademyLocator({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { id: 'point' },
          geometry: { type: 'Point', coordinates: [0.5, 0.2] },
        },
        {
          type: 'Feature',
          properties: { id: 'square' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [2, 0],
                [2, 2],
                [0, 2],
                [0, 0],
              ],
            ],
          },
        },
      ],
    });
    expect(custom.findAcademyAt(0.7, 0.2)).toBe('square');
    expect(custom.findAcademyAt(3, 3)).toBeNull();
  });
});
