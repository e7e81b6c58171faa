import type { Geometry } from 'geojson';
import { describe, expect, test } from 'vitest';
import { insetProjection } from '@/lib/map-view/inset-path';

const BOX = { width: 100, height: 80, pad: 4 };
const square: Geometry = { type: 'Polygon', coordinates: [[[55, -21], [56, -21], [56, -20], [55, -20], [55, -21]]] };

describe('insetProjection', () => {
  test('fits the area in the box with its aspect ratio kept, centred, north up', () => {
    const { project } = insetProjection(square, BOX);
    const [x0, ySouth] = project(55, -21);
    const [x1, yNorth] = project(56, -20);
    expect(yNorth).toBeLessThan(ySouth);
    expect(yNorth).toBe(4);
    expect(ySouth).toBe(76);
    // Near the tropic a degree of latitude is slightly longer than one of longitude in Mercator.
    expect(x1 - x0).toBeGreaterThan(66);
    expect(x1 - x0).toBeLessThan(72);
    expect((x0 + x1) / 2).toBeCloseTo(50, 0);
  });

  test('draws every ring of every polygon as a closed subpath', () => {
    const two: Geometry = { type: 'MultiPolygon', coordinates: [square.coordinates as number[][][], [[[57, -21], [57.5, -21], [57.5, -20.5], [57, -21]]]] };
    const { d } = insetProjection(two, BOX);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/Z/g)).toHaveLength(2);
    expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
  });

  test('places a point inside the area inside the drawing', () => {
    const { project } = insetProjection(square, BOX);
    const [x, y] = project(55.5, -20.5);
    expect(x).toBeGreaterThan(4);
    expect(x).toBeLessThan(96);
    expect(y).toBeGreaterThan(4);
    expect(y).toBeLessThan(76);
  });
});
