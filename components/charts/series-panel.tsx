'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StatusInterval } from '@/lib/dashboard/status-history';
import { parseDelta } from '@/lib/live-client/parse-delta';
import type { StreamDelta } from '@/lib/map-state/types';
import { applyReportDelta } from '@/lib/series/live';
import type { SeriesPayload } from '@/lib/series/types';
import type { WindowPreset } from '@/lib/series/window';
import { useWhen } from '../dashboard/when';
import { LINE_COLOURS } from './series-chart';
import { SeriesChartLoader } from './series-chart-loader';
import { SeriesSummary } from './series-summary';
import { SeriesTable } from './series-table';

type Props = {
  initial: SeriesPayload;
  /** Periods the platform was perturbé / en panne, shaded on the chart. */
  intervals: StatusInterval[];
  /** Names of the platforms drawn as their own lines. */
  lineNames: Record<string, string>;
  /** Live while showing a preset window that ends now: stream of new reports, refetch every REFRESH_MS. */
  livePreset: WindowPreset | null;
  timeZone?: string;
};

const REFRESH_MS = 30_000;
/** Live reports are added to the chart in batches, at most once a second. */
const APPLY_MS = 1_000;
const MIN_ZOOM_MS = 30 * 60_000;

function seriesUrl(series: SeriesPayload, range: { de: string; a: string } | { fenetre: WindowPreset }): string {
  const params = new URLSearchParams();
  if (series.platformId) params.set('plateforme', series.platformId);
  if (series.academyId) params.set('academie', series.academyId);
  for (const [key, value] of Object.entries(range)) params.set(key, value);
  return `/api/series?${params}`;
}

/** Chart, legend, text summary and data table of one series; drag across the chart to zoom. */
export function SeriesPanel({ initial, intervals, lineNames, livePreset, timeZone }: Props) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const when = useWhen(timeZone);
  const [series, setSeries] = useState(initial);
  const [zoomed, setZoomed] = useState(false);
  const [status, setStatus] = useState<'idle' | 'loading' | 'failed'>('idle');
  const request = useRef(0);

  useEffect(() => {
    request.current++;
    setSeries(initial);
    setZoomed(false);
    setStatus('idle');
  }, [initial]);

  // Background refreshes stay silent (no "updating" announced to screen readers every 30 s).
  const load = useCallback(async (url: string, quiet = false) => {
    const id = ++request.current;
    if (!quiet) setStatus('loading');
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const next = (await res.json()) as SeriesPayload;
      if (id === request.current) {
        setSeries(next);
        setStatus('idle');
      }
    } catch {
      if (id === request.current && !quiet) setStatus('failed');
    }
  }, []);

  const zoom = useCallback(
    (from: number, to: number) => {
      const centre = (from + to) / 2;
      const half = Math.max(to - from, MIN_ZOOM_MS) / 2;
      setZoomed(true);
      void load(seriesUrl(initial, { de: new Date(centre - half).toISOString(), a: new Date(centre + half).toISOString() }));
    },
    [initial, load],
  );

  useEffect(() => {
    if (!livePreset || zoomed) return;
    const refresh = () => void load(seriesUrl(initial, { fenetre: livePreset }), true);
    const timer = setInterval(refresh, REFRESH_MS);
    // New reports arrive within a second through the live stream; the refetch slides the window.
    let queue: StreamDelta[] = [];
    const source = typeof EventSource === 'undefined' ? null : new EventSource(`/api/flux${initial.platformId ? `?plateforme=${initial.platformId}` : ''}`);
    if (source) {
      source.onmessage = (event: MessageEvent<string>) => {
        const delta = parseDelta(event.data);
        if (delta?.kind === 'resync') refresh();
        else if (delta) queue.push(delta);
      };
    }
    const apply = setInterval(() => {
      if (queue.length === 0) return;
      const deltas = queue;
      queue = [];
      setSeries((current) => deltas.reduce(applyReportDelta, current));
    }, APPLY_MS);
    return () => {
      clearInterval(timer);
      clearInterval(apply);
      source?.close();
    };
  }, [initial, livePreset, zoomed, load]);

  const reset = () => {
    request.current++;
    setZoomed(false);
    setStatus('idle');
    setSeries(initial);
  };

  const legend = [
    { key: 'observed', label: t('legend.observed'), className: 'legend-observed' },
    ...(series.band
      ? [
          { key: 'expected', label: t('legend.expected'), className: 'legend-expected' },
          { key: 'band', label: t('legend.band'), className: 'legend-band' },
        ]
      : []),
    ...(intervals.some((i) => i.status === 'degraded') ? [{ key: 'degraded', label: t('legend.degraded'), className: 'legend-degraded' }] : []),
    ...(intervals.some((i) => i.status === 'outage') ? [{ key: 'outage', label: t('legend.outage'), className: 'legend-outage' }] : []),
  ];

  return (
    <div className="series-panel" data-bucket-minutes={series.bucketMinutes} data-points={series.t.length} data-reporters={series.totals.reporters}>
      <p className="muted series-window">
        {when.range(Date.parse(series.from), Date.parse(series.to))} · {t('bucket', { minutes: series.bucketMinutes })}
      </p>
      <div role="img" aria-label={t('title')} aria-describedby="series-summary" className="series-figure">
        <SeriesChartLoader
          series={series}
          intervals={intervals}
          locale={locale}
          labels={{ observed: t('legend.observed'), expected: t('legend.expected'), band: t('legend.band'), lines: lineNames }}
          onZoom={zoom}
        />
      </div>
      <ul className="chart-legend">
        {legend.map((item) => (
          <li key={item.key}>
            <span className={`legend-swatch ${item.className}`} aria-hidden="true" />
            {item.label}
          </li>
        ))}
        {series.lines.map((line, i) => (
          <li key={line.id}>
            <span className="legend-swatch legend-line" style={{ borderColor: LINE_COLOURS[i % LINE_COLOURS.length] }} aria-hidden="true" />
            {lineNames[line.id] ?? line.id}
          </li>
        ))}
      </ul>
      <div className="series-controls">
        {zoomed ? (
          <button type="button" className="button-secondary" onClick={reset}>
            {t('zoom.reset')}
          </button>
        ) : (
          <p className="muted">{t('zoom.hint')}</p>
        )}
        <p role="status" className="muted">
          {status === 'loading' ? t('updating') : ''}
        </p>
        {status === 'failed' ? <p role="alert">{t('failed')}</p> : null}
      </div>
      <SeriesSummary id="series-summary" series={series} timeZone={timeZone} />
      <SeriesTable series={series} />
    </div>
  );
}
