'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import type { SeriesChartProps } from './series-chart';

function Placeholder() {
  const t = useTranslations('charts');
  return <p className="series-chart series-chart-loading">{t('loading')}</p>;
}

const SeriesChart = dynamic(() => import('./series-chart'), { ssr: false, loading: Placeholder });

/** The uPlot chart, loaded in the browser only and after the page (uPlot is not in the first bundle). */
export function SeriesChartLoader(props: SeriesChartProps) {
  return <SeriesChart {...props} />;
}
