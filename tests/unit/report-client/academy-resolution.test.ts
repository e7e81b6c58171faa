import { readFileSync } from 'node:fs';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, test } from 'vitest';
import { buildAcademyTopology, type AreaProperties } from '@/lib/geo/topology';
import { isPostalCode, isSearchableQuery, parseCommuneItems, resolveCommuneQuery, type CommuneItem } from '@/lib/report-client/commune-choices';
import { createLocatorFromTopology } from '@/lib/report-client/locate-academy';

function servedTopology(): unknown {
  const text = readFileSync(new URL('../../../lib/geo/data/academies.geojson', import.meta.url), 'utf8');
  // Test fixture: the validated académie boundaries, as GET /api/geo/academies serves them (simplified).
  const shapes = JSON.parse(text) as FeatureCollection<Geometry, AreaProperties>;
  return JSON.parse(JSON.stringify(buildAcademyTopology(shapes.features.map((f) => ({ properties: f.properties, geometry: f.geometry })))));
}

describe('createLocatorFromTopology', () => {
  const locator = createLocatorFromTopology(servedTopology());

  test.each<[string, number, number, string]>([
    ['Versailles', 2.1301, 48.8049, 'versailles'],
    ['Paris', 2.3522, 48.8566, 'paris'],
    ['Bobigny', 2.4397, 48.9077, 'creteil'],
    ['Marseille', 5.3698, 43.2965, 'aix-marseille'],
    ['Brest harbour, on the simplified coastline', -4.4946, 48.3784, 'rennes'],
    ['Fort-de-France', -61.0588, 14.6161, 'martinique'],
    ['Saint-Denis (La Réunion)', 55.4504, -20.8823, 'la-reunion'],
  ])('finds the académie of %s in the browser', (_name, lon, lat, expected) => {
    expect(locator?.findAcademyAt(lon, lat)).toBe(expected);
  });

  test('returns null far from France', () => {
    expect(locator?.findAcademyAt(-0.1276, 51.5072)).toBeNull();
  });

  test.each([null, {}, { type: 'Topology', arcs: [], objects: {} }, { type: 'FeatureCollection', features: [] }])(
    'refuses %j',
    (value) => {
      expect(createLocatorFromTopology(value)).toBeNull();
    },
  );
});

const versailles: CommuneItem = { name: 'Versailles', postalCode: '78000', departement: '78', academy: 'versailles' };

describe('resolveCommuneQuery', () => {
  test('a postal code in one académie picks it', () => {
    expect(resolveCommuneQuery('78000', [versailles])).toEqual({ kind: 'academy', academy: 'versailles', items: [versailles] });
  });

  test('a postal code spanning several académies offers the choice', () => {
    const items: CommuneItem[] = [
      { name: 'A', postalCode: '05110', departement: '05', academy: 'aix-marseille' },
      { name: 'B', postalCode: '05110', departement: '04', academy: 'aix-marseille' },
      { name: 'C', postalCode: '05110', departement: '26', academy: 'grenoble' },
    ];
    expect(resolveCommuneQuery(' 05 110 ', items)).toEqual({ kind: 'choose', academies: ['aix-marseille', 'grenoble'], items });
  });

  test('a name lists the communes, even a single one', () => {
    expect(resolveCommuneQuery('versail', [versailles])).toEqual({ kind: 'communes', items: [versailles] });
  });

  test('nothing found', () => {
    expect(resolveCommuneQuery('78000', [])).toEqual({ kind: 'none' });
  });
});

describe('commune query helpers', () => {
  test.each([['78000', true], ['13 001', true], ['7800', false], ['780000', false], ['Versailles', false]])('isPostalCode(%j) is %s', (q, expected) => {
    expect(isPostalCode(q)).toBe(expected);
  });

  test.each([['7', false], ['  a ', false], ['78', true], ['Sète', true], ['x'.repeat(61), false]])('isSearchableQuery(%j) is %s', (q, expected) => {
    expect(isSearchableQuery(q)).toBe(expected);
  });

  test('parseCommuneItems keeps well-formed items only', () => {
    expect(parseCommuneItems({ items: [versailles, { name: 'X' }, null] })).toEqual([versailles]);
    expect(parseCommuneItems({ error: { code: 'invalid_input' } })).toEqual([]);
  });
});
