'use client';

import './embed.css';
import { useFormatter, useTranslations } from 'next-intl';
import { useLiveMapState } from '@/lib/live-client/use-live-map-state';
import type { MapState } from '@/lib/map-state/types';

export type StatusCardProps = {
  initial: MapState;
  platformId: string;
  platformName: string;
  /** The académie the card is about, or null for the whole service. */
  academy: { id: string; name: string } | null;
  links: { details: string; report: string };
};

const LEVEL_OF = { normal: 'operational', perturbe: 'degraded', panne: 'outage' } as const;

/** A service's live status for other sites' frames (in one académie when asked). */
export function StatusCard({ initial, platformId, platformName, academy, links }: StatusCardProps) {
  const t = useTranslations('embed.card');
  const format = useFormatter();
  const { state } = useLiveMapState(initial, { filterStream: true });
  const summary = state.platforms.find((p) => p.platformId === platformId);
  const area = academy ? state.academies.find((a) => a.academyId === academy.id) : null;
  const here = area?.platforms.find((p) => p.platformId === platformId);
  const status = academy ? LEVEL_OF[here?.severity ?? 'normal'] : (summary?.status ?? 'operational');
  const reporters = academy ? (here?.reporters ?? 0) : (summary?.reporters ?? 0);
  return (
    <article className={`embed-card embed-card-${status}`} aria-live="polite">
      <h1>
        {platformName}
        {academy ? ` · ${academy.name}` : ''}
      </h1>
      <p className="embed-card-status">
        <strong>{t(`status.${status}`)}</strong>
        {!academy && summary?.since && status !== 'operational' ? ` ${t('since', { time: format.dateTime(new Date(summary.since), { hour: '2-digit', minute: '2-digit' }) })}` : ''}
        {!academy && summary && status !== 'operational' ? ` ${t('reach', { national: String(summary.national), count: summary.academyCount })}` : ''}
      </p>
      <p>{t('reporters', { count: reporters })}</p>
      <p className="embed-card-links">
        <a href={links.report} target="_blank" rel="noopener">
          {t('report')}
        </a>{' '}
        ·{' '}
        <a href={links.details} target="_blank" rel="noopener">
          {t('details')}
        </a>
      </p>
    </article>
  );
}
