import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { createAcademyLocator, type AcademyLocator } from '@/lib/geo/point-in-academy';

/** Coastlines are simplified on the served map: a beach or harbour just outside a polygon still counts. */
export const LOCATE_TOLERANCE_KM = 10;

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAcademyTopology(value: unknown): boolean {
  if (!isRecord(value) || value.type !== 'Topology' || !Array.isArray(value.arcs)) return false;
  const objects = value.objects;
  return isRecord(objects) && isRecord(objects.academies) && objects.academies.type === 'GeometryCollection';
}

// Shape checked by isAcademyTopology; topojson-client needs the full specification types.
function asTopology(value: unknown): Topology<{ academies: GeometryCollection }> {
  return value as Topology<{ academies: GeometryCollection }>;
}

/** Point-in-académie lookup from the TopoJSON of GET /api/geo/academies; null when it is not one. */
export function createLocatorFromTopology(value: unknown): AcademyLocator | null {
  if (!isAcademyTopology(value)) return null;
  const topology = asTopology(value);
  const collection = feature(topology, topology.objects.academies);
  return createAcademyLocator(collection, { toleranceKm: LOCATE_TOLERANCE_KM });
}
