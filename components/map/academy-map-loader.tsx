'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { memo, useEffect, useState } from 'react';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaProperties } from '@/lib/geo/topology';
import type { AcademyMapProps, AreaFeature } from './academy-map';

/** Same boxes as the map and its five insets, so nothing below moves when the map arrives. */
function Loading() {
  const t = useTranslations('map');
  return (
    <div className="map-frame" aria-busy="true">
      <div className="map-main map-placeholder">
        <p className="map-status js-only">{t('loading')}</p>
        <p className="map-status no-js-only">{t('needsJs')}</p>
      </div>
      <ul className="map-insets" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((i) => (
          <li key={i} className="map-inset">
            <div className="map-inset-map" />
            <span className="map-inset-label">{'\u00a0'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
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
function AcademyMapLoaderView(props: Omit<AcademyMapProps, 'areas'>) {
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

/** Re-renders only when its props change (live updates re-render the page often). */
export const AcademyMapLoader = memo(AcademyMapLoaderView);
