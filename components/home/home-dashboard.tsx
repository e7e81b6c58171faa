'use client';

import './home.css';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useMemo, useRef, useState } from 'react';
import { AcademyMapLoader } from '@/components/map/academy-map-loader';
import { PlatformStatusList } from '@/components/platforms/platform-status-list';
import { StatusHeadline } from '@/components/platforms/status-headline';
import { useLiveMapState } from '@/lib/live-client/use-live-map-state';
import { parseParisLocal } from '@/lib/calendar/paris-time';
import type { MapState } from '@/lib/map-state/types';
import { nameLookup, type HomeCatalog } from '@/lib/map-view/catalog';
import { serializeHomeQuery, type HomeQuery } from '@/lib/map-view/url-state';
import { AcademyPanel } from './academy-panel';
import { AcademyTable, type TableSort } from './academy-table';
import { academyArgs } from './academy-text';
import { areaViews } from './area-views';
import { FilterForm } from './filter-form';
import { HomeDownload } from './home-download';
import { MapLegend } from './map-legend';
import { NationalStrip } from './national-strip';
import { ReplayLoader } from './replay-loader';
import { SeverityPatterns } from './severity-patterns';
import { useHref } from './use-href';
import { useStateLoader } from './use-state-loader';

export type HomeDashboardProps = {
  initial: MapState;
  query: HomeQuery;
  catalog: HomeCatalog;
  map: { tileUrl?: string; tileAttribution?: string; attribution: string };
};

/**
 * The live map page once rendered: one map state shown by the headline, map, panel, platform list
 * and table; filters, replay and selection change the URL in place; live deltas update it.
 */
export function HomeDashboard({ initial, query: initialQuery, catalog, map }: HomeDashboardProps) {
  const t = useTranslations('home');
  const tMap = useTranslations('map');
  const format = useFormatter();
  const href = useHref();
  const loader = useStateLoader();
  const [base, setBase] = useState(initial);
  const { state, mode } = useLiveMapState(base);
  const [query, setQuery] = useState(initialQuery);
  const current = useRef(query);
  current.current = query;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [sort, setSort] = useState<TableSort>({ key: 'severity', direction: 'desc' });
  const names = useMemo(() => nameLookup(catalog), [catalog]);
  const number = useCallback((n: number) => format.number(n, { maximumFractionDigits: 1 }), [format]);
  const tNews = useTranslations('newsroom.national');
  const nationalNote = useCallback((count: number) => tNews('mapNote', { count }), [tNews]);
  const views = useMemo(() => areaViews(state, catalog, names, t, number, nationalNote), [state, catalog, names, t, number, nationalNote]);

  const writeUrl = useCallback((next: HomeQuery) => window.history.replaceState(window.history.state, '', href(`/${serializeHomeQuery(next)}`)), [href]);

  const navigate = useCallback(
    async (next: HomeQuery) => {
      setQuery(next);
      writeUrl(next);
      setBusy(true);
      try {
        const loaded = await loader.load(next);
        if (!loaded) return;
        setFailed(false);
        setBase(loaded);
      } catch {
        setFailed(true);
      } finally {
        setBusy(false);
      }
    },
    [loader, writeUrl],
  );

  const select = useCallback(
    (academyId: string | null) => {
      setQuery((q) => {
        const next = { ...q, academyId };
        writeUrl(next);
        return next;
      });
    },
    [writeUrl],
  );

  // Stable callbacks for the memoised children: they read the latest query through a ref.
  const seek = useCallback((at: string) => navigate({ ...current.current, at }), [navigate]);
  const goLive = useCallback(() => navigate({ ...current.current, at: null }), [navigate]);
  const prefetch = useCallback((ats: string[]) => loader.prefetch(ats.map((at) => ({ ...current.current, at }))), [loader]);
  const { at, platformId, category } = query;
  const selectHref = useCallback(
    (academyId: string) => `${href(`/${serializeHomeQuery({ at, platformId, category, academyId })}`)}#academie-panneau`,
    [href, at, platformId, category],
  );
  const selectFromTable = useCallback(
    (id: string, event: React.MouseEvent) => {
      event.preventDefault();
      select(id);
      document.getElementById('academie-panneau')?.scrollIntoView({ block: 'nearest' });
    },
    [select],
  );
  const close = useCallback(
    (event: React.MouseEvent) => {
      event.preventDefault();
      select(null);
    },
    [select],
  );
  const mapLabels = useMemo(() => ({ metro: tMap('metro'), overseas: tMap('overseas'), zoomIn: tMap('zoomIn'), zoomOut: tMap('zoomOut') }), [tMap]);
  const selected = state.academies.find((a) => a.academyId === query.academyId) ?? null;
  const shownAt = query.at ? (parseParisLocal(query.at)?.toISOString() ?? state.at) : state.at;
  const atText = format.dateTime(new Date(state.at), state.live ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'long', timeStyle: 'short' });

  return (
    <>
      <SeverityPatterns />
      <p className={`home-moment ${state.live ? 'home-moment-live' : 'home-moment-replay'}`}>
        <strong>{state.live ? t(mode === 'polling' ? 'live.polling' : 'live.connected') : t('moment.replay')}</strong> {state.live ? t('moment.liveAt', { time: atText }) : t('moment.replayAt', { date: atText })}{' '}
        {t('moment.window', { minutes: state.windowMinutes })}
      </p>
      <StatusHeadline platforms={state.platforms} at={state.at} live={state.live} names={names} />
      <NationalStrip platforms={state.platforms} incidents={state.incidents} at={state.at} academyTotal={state.academies.length} names={names} />
      <div className="home-grid">
        <section className="map-section" aria-label={tMap('metro')}>
          <a className="skip-map" href="#filtres">
            {t('skipMap')}
          </a>
          <AcademyMapLoader
            views={views}
            selectedId={query.academyId}
            onSelect={select}
            tileUrl={map.tileUrl}
            tileAttribution={map.tileAttribution}
            attribution={map.attribution}
            labels={mapLabels}
            overseasName={names.academy}
          />
          <MapLegend showUnserved={state.academies.some((a) => a.served === false)} />
        </section>
        <div className="home-side">
          <FilterForm query={query} platforms={catalog.platforms} action={href('/')} busy={busy} failed={failed} onChange={navigate} />
          <ReplayLoader at={shownAt} live={query.at === null} onSeek={seek} onLive={goLive} onPrefetch={prefetch} />
          <AcademyPanel
            academy={selected}
            state={state}
            names={names}
            closeHref={href(`/${serializeHomeQuery({ ...query, academyId: null })}`)}
            onClose={close}
          />
          <p className="visually-hidden" aria-live="polite">
            {selected ? t('panel.selected', academyArgs(names, selected.academyId)) : ''}
          </p>
          <PlatformStatusList platforms={state.platforms} at={state.at} names={names} />
        </div>
      </div>
      <section className="academy-table-section" aria-labelledby="titre-tableau">
        <h2 id="titre-tableau">{t('table.title')}</h2>
        <AcademyTable
          academies={state.academies}
          names={names}
          atText={atText}
          sort={sort}
          onSort={setSort}
          selectHref={selectHref}
          onSelect={selectFromTable}
        />
        <HomeDownload at={state.at} windowMinutes={state.windowMinutes} platformId={state.platformId} category={state.category} />
      </section>
    </>
  );
}
