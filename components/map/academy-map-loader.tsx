'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaProperties } from '@/lib/geo/topology';
import type { AcademyMapProps, AreaFeature } from './academy-map';

function Loading() {
  const t = useTranslations('map');
  return <p className="map-status">{t('loading')}</p>;
}

const AcademyMap = dynamic(() => import('./academy-map'), { ssr: false, loading: Loading });

async function loadAreas(signal: AbortSignal): Promise<AreaFeature[]> {
  const [res, { feature }] = await Promise.all([fetch('/api/geo/academies', { signal }), import('topojson-client')]);
  if (!res.ok) throw new Error(String(res.status));
  const topology = (await res.json()) as Topology;
  const object = topology.objects.academies as GeometryCollection<AreaProperties>;
  return feature(topology, object).features as AreaFeature[];
}

/** Fetches the boundaries (cached TopoJSON) and renders the map in the browser only, after the page's text. */
export function AcademyMapLoader(props: Omit<AcademyMapProps, 'areas'>) {
  const t = useTranslations('map');
  const [areas, setAreas] = useState<AreaFeature[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    loadAreas(controller.signal).then(setAreas, () => !controller.signal.aborted && setFailed(true));
    return () => controller.abort();
  }, []);
  if (failed) return <p className="map-status" role="alert">{t('failed')}</p>;
  if (!areas) return <Loading />;
  return <AcademyMap areas={areas} {...props} />;
}
