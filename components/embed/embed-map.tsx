'use client';

import '@/components/home/home.css';
import './embed.css';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import { areaViews } from '@/components/home/area-views';
import { MapLegend } from '@/components/home/map-legend';
import { SeverityPatterns } from '@/components/home/severity-patterns';
import { AcademyMapLoader } from '@/components/map/academy-map-loader';
import { useLiveMapState } from '@/lib/live-client/use-live-map-state';
import type { MapState } from '@/lib/map-state/types';
import { nameLookup, type HomeCatalog } from '@/lib/map-view/catalog';

export type EmbedMapProps = {
  initial: MapState;
  catalog: HomeCatalog;
  map: { tileUrl?: string; tileAttribution?: string; attribution: string };
  /** Absolute links back to the site (the frame opens them in a new tab). */
  links: { home: string; academyBase: string };
};

/** The live map for other sites' frames: map, compact legend, the chosen académie's level, a link back. */
export function EmbedMap({ initial, catalog, map, links }: EmbedMapProps) {
  const t = useTranslations('home');
  const tMap = useTranslations('map');
  const tEmbed = useTranslations('embed.map');
  const format = useFormatter();
  const { state } = useLiveMapState(initial, { filterStream: initial.platformId !== null });
  const [selected, setSelected] = useState<string | null>(null);
  const names = useMemo(() => nameLookup(catalog), [catalog]);
  const number = useCallback((n: number) => format.number(n, { maximumFractionDigits: 1 }), [format]);
  const views = useMemo(() => areaViews(state, catalog, names, t, number), [state, catalog, names, t, number]);
  const labels = useMemo(() => ({ metro: tMap('metro'), overseas: tMap('overseas'), zoomIn: tMap('zoomIn'), zoomOut: tMap('zoomOut') }), [tMap]);
  const area = state.academies.find((a) => a.academyId === selected) ?? null;
  const when = state.live ? tEmbed('live') : tEmbed('replay', { date: format.dateTime(new Date(state.at), { dateStyle: 'long', timeStyle: 'short' }) });
  return (
    <div className="embed-map">
      <SeverityPatterns />
      <p className="embed-head">
        <strong>{tEmbed('title')}</strong> · {when}
        {state.platformId ? ` · ${tEmbed('filtered', { platform: names.platform(state.platformId) })}` : ''}
      </p>
      <AcademyMapLoader views={views} selectedId={selected} onSelect={setSelected} tileUrl={map.tileUrl} tileAttribution={map.tileAttribution} attribution={map.attribution} labels={labels} overseasName={names.academy} />
      <p className="embed-selected" aria-live="polite">
        {area ? (
          <>
            {tEmbed('selected', { academy: names.academy(area.academyId), severity: t(`legend.${area.severity}`) })}{' '}
            <a href={`${links.academyBase}/${area.academyId}`} target="_blank" rel="noopener">
              {tEmbed('academyLink')}
            </a>
          </>
        ) : null}
      </p>
      <MapLegend showUnserved={state.academies.some((a) => a.served === false)} />
      <p className="embed-back">
        <a href={links.home} target="_blank" rel="noopener">
          {tEmbed('back')}
        </a>
      </p>
    </div>
  );
}
