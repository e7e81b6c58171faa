'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { bucketsAboveBand, isLearnedAfter } from '@/lib/series/observed';
import type { SeriesPayload } from '@/lib/series/types';
import { useWhen } from '../dashboard/when';

/** The chart in words: total against the usual level, peak, time slots above the usual range. */
export function SeriesSummary({ id, series, timeZone }: { id: string; series: SeriesPayload; timeZone?: string }) {
  const t = useTranslations('charts.summary');
  const tNews = useTranslations('newsroom.baseline');
  const format = useFormatter();
  const when = useWhen(timeZone);
  const { totals, band } = series;
  const one = (n: number) => format.number(n, { maximumFractionDigits: n < 10 ? 1 : 0 });
  const above = band ? bucketsAboveBand(series.observed, band.high).length : null;
  const learnedText = (learnedAt: string) => {
    const date = format.dateTime(Date.parse(learnedAt), { dateStyle: 'long', timeZone: 'Europe/Paris' });
    // A past period read against a baseline learned later says so, instead of passing for that date's habit.
    return isLearnedAfter(learnedAt, series.to) ? tNews('learnedAfter', { date }) : t('learned', { date });
  };
  return (
    <div id={id} className="series-summary">
      <p>
        {t('total', { count: totals.reporters, range: when.range(Date.parse(series.from), Date.parse(series.to)) })}{' '}
        {totals.expected === null ? t('noBaseline') : t('expected', { expected: one(totals.expected) })}
        {totals.peak ? ` ${t('peak', { perMinute: one(totals.peak.perMinute), at: when(totals.peak.t) })}` : ''}
        {above === null ? '' : ` ${t('above', { count: above })}`}
      </p>
      {band ? (
        <p className="muted">
          {band.fallback ? `${t('fallback')} ` : ''}
          {band.learnedAt ? learnedText(band.learnedAt) : ''}
        </p>
      ) : null}
    </div>
  );
}
