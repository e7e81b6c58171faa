'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { rowTimeLabel } from '@/lib/series/axis';
import type { SeriesPayload } from '@/lib/series/types';
import { ScrollRegion } from '../dashboard/scroll-region';

/** The chart's data as a table (the accessible alternative), folded by default. */
export function SeriesTable({ series }: { series: SeriesPayload }) {
  const t = useTranslations('charts.table');
  const format = useFormatter();
  const locale = useLocale();
  const span = Date.parse(series.to) - Date.parse(series.from);
  const n = (v: number) => format.number(v, { maximumFractionDigits: 2 });
  return (
    <details className="series-table">
      <summary>{t('toggle')}</summary>
      <p className="muted">{t('note', { rows: series.t.length, minutes: series.bucketMinutes })}</p>
      <ScrollRegion label={t('caption')}>
        <table className="data-table">
          <caption>{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('time')}</th>
              <th scope="col" className="num">{t('observed')}</th>
              {series.band ? (
                <>
                  <th scope="col" className="num">{t('expected')}</th>
                  <th scope="col">{t('range')}</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {series.t.map((time, i) => (
              <tr key={time}>
                <th scope="row">
                  <time dateTime={new Date(time).toISOString()}>{rowTimeLabel(time, span, locale)}</time>
                </th>
                <td className="num">{n(series.observed[i] ?? 0)}</td>
                {series.band ? (
                  <>
                    <td className="num">{n(series.band.expected[i] ?? 0)}</td>
                    <td>{t('rangeValue', { low: n(series.band.low[i] ?? 0), high: n(series.band.high[i] ?? 0) })}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
