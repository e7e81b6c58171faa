'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaProperties } from '@/lib/geo/topology';
import type { AreaFeature } from './academy-map';

const AcademyMap = dynamic(() => import('./academy-map'), {
  ssr: false,
  loading: () => <p className="map-status">Chargement de la carte…</p>,
});

type Props = { tileUrl?: string; tileAttribution?: string; attribution: string };

function toFeatures(topology: Topology): AreaFeature[] {
  const object = topology.objects.academies as GeometryCollection<AreaProperties>;
  return feature(topology, object).features as AreaFeature[];
}

/** Loads the académie boundaries (cached, compressed TopoJSON) and renders the map in the browser only. */
export function AcademyMapLoader(props: Props) {
  const [areas, setAreas] = useState<AreaFeature[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetch('/api/geo/academies')
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((topology: Topology) => !cancelled && setAreas(toFeatures(topology)))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, []);
  if (failed) return <p className="map-status" role="alert">La carte n’a pas pu être chargée. Réessayez plus tard.</p>;
  if (!areas) return <p className="map-status">Chargement de la carte…</p>;
  return <AcademyMap areas={areas} {...props} />;
}
