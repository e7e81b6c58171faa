import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, Geometry, Polygon, Position } from 'geojson';

type BBox = { minLon: number; minLat: number; maxLon: number; maxLat: number };
type Part = { academyId: string; polygon: Polygon; bbox: BBox };

export type AcademyLocator = {
  /** Académie id containing (lon, lat) in WGS84 degrees, or null (sea, abroad). */
  findAcademyAt(lon: number, lat: number): string | null;
};

export type LocatorOptions = {
  /** Points outside every polygon but within this distance of one (simplified coastlines) snap to it. */
  toleranceKm?: number;
};

const KM_PER_DEGREE = 111.32;

function bboxOf(rings: Position[][]): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const [lon = 0, lat = 0] of rings[0] ?? []) {
    box.minLon = Math.min(box.minLon, lon);
    box.maxLon = Math.max(box.maxLon, lon);
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
  }
  return box;
}

function partsOf(academyId: string, geometry: Geometry | null): Part[] {
  const polygons =
    geometry?.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry?.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  return polygons.map((rings) => ({
    academyId,
    polygon: { type: 'Polygon', coordinates: rings },
    bbox: bboxOf(rings),
  }));
}

function isInBox(box: BBox, lon: number, lat: number, marginDeg: number): boolean {
  return (
    lon >= box.minLon - marginDeg &&
    lon <= box.maxLon + marginDeg &&
    lat >= box.minLat - marginDeg &&
    lat <= box.maxLat + marginDeg
  );
}

/** Distance in km from a point to a segment, on a local equirectangular projection (fine below ~50 km). */
function segmentDistanceKm(lon: number, lat: number, a: Position, b: Position): number {
  const kx = KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ax = ((a[0] ?? 0) - lon) * kx;
  const ay = ((a[1] ?? 0) - lat) * KM_PER_DEGREE;
  const bx = ((b[0] ?? 0) - lon) * kx;
  const by = ((b[1] ?? 0) - lat) * KM_PER_DEGREE;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / lengthSq));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

function distanceToPartKm(part: Part, lon: number, lat: number): number {
  let best = Infinity;
  for (const ring of part.polygon.coordinates) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1];
      const b = ring[i];
      if (a && b) best = Math.min(best, segmentDistanceKm(lon, lat, a, b));
    }
  }
  return best;
}

/**
 * Point-in-académie lookup over academies.geojson (passed in, so the browser can use it on a
 * lazily fetched file: the coordinates never leave the device). Bounding boxes prefilter the parts.
 */
export function createAcademyLocator(
  geojson: FeatureCollection,
  options: LocatorOptions = {},
): AcademyLocator {
  const toleranceKm = options.toleranceKm ?? 0;
  const parts = geojson.features.flatMap((feature) => {
    const id: unknown = feature.properties?.id;
    return typeof id === 'string' ? partsOf(id, feature.geometry) : [];
  });

  function nearestWithinTolerance(lon: number, lat: number): string | null {
    const marginDeg =
      toleranceKm / (KM_PER_DEGREE * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
    let best: { id: string; km: number } | null = null;
    for (const part of parts) {
      if (!isInBox(part.bbox, lon, lat, marginDeg)) continue;
      const km = distanceToPartKm(part, lon, lat);
      if (km <= toleranceKm && (best === null || km < best.km)) best = { id: part.academyId, km };
    }
    return best?.id ?? null;
  }

  return {
    findAcademyAt(lon, lat) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      for (const part of parts) {
        if (isInBox(part.bbox, lon, lat, 0) && booleanPointInPolygon([lon, lat], part.polygon)) {
          return part.academyId;
        }
      }
      return toleranceKm > 0 ? nearestWithinTolerance(lon, lat) : null;
    },
  };
}
