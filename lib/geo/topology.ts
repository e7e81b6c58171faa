import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';

export type AreaProperties = { id: string; name: string; code: string; overseas: boolean };

/** Keep the 12 % most significant points (Visvalingam weight); arcs stay shared, so no gaps appear between académies. */
const SIMPLIFY_QUANTILE = 0.12;
const QUANTIZATION = 1e5;

/**
 * Builds a compact TopoJSON (shared arcs, topology-preserving simplification, quantised) from
 * académie features, for the browser map.
 */
export function buildAcademyTopology(
  features: Array<{ properties: AreaProperties; geometry: Geometry }>,
): Topology {
  const collection: FeatureCollection<Geometry, AreaProperties> = {
    type: 'FeatureCollection',
    features: features.map(
      (f): Feature<Geometry, AreaProperties> => ({ type: 'Feature', properties: f.properties, geometry: f.geometry }),
    ),
  };
  // topojson-server types its output with nullable properties; ours are never null.
  const topo = presimplify(topology({ academies: collection }, QUANTIZATION) as unknown as Topology<Objects<Record<string, unknown>>>);
  return simplify(topo, quantile(topo, SIMPLIFY_QUANTILE)) as Topology;
}
