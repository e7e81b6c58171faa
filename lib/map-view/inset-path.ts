import type { Geometry, Position } from 'geojson';

export type InsetBox = { width: number; height: number; pad: number };
export type InsetProjection = { d: string; project(lon: number, lat: number): [number, number] };

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * An SVG path of a small area (an overseas académie) fitted into `box`, north up, in the Web Mercator
 * projection of the main map, and the same projection for placing a badge.
 */
export function insetProjection(geometry: Geometry, box: InsetBox): InsetProjection {
  const polygons = polygonsOf(geometry);
  const points = polygons.flat(2);
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => mercatorY(p[1] ?? 0));
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = (maxX - minX) * (Math.PI / 180) || 1e-9;
  const spanY = maxY - minY || 1e-9;
  const scale = Math.min((box.width - 2 * box.pad) / spanX, (box.height - 2 * box.pad) / spanY);
  const offsetX = (box.width - spanX * scale) / 2;
  const offsetY = (box.height - spanY * scale) / 2;
  const project = (lon: number, lat: number): [number, number] => [
    round(offsetX + (lon - minX) * (Math.PI / 180) * scale),
    round(offsetY + (maxY - mercatorY(lat)) * scale),
  ];
  const d = polygons
    .flatMap((rings) => rings.map((ring) => `M${ring.map((p) => project(p[0] ?? 0, p[1] ?? 0).join(',')).join('L')}Z`))
    .join('');
  return { d, project };
}
