import type { ComponentProps } from 'react';
import { SeriesPanel } from './series-panel';
import { WindowPicker } from './window-picker';

type Props = ComponentProps<typeof SeriesPanel> & ComponentProps<typeof WindowPicker> & { title: string };

/** The chart card of a platform or académie page: window links, then the series panel for that window. */
export function WindowedChartCard({ title, path, active, today, ...panel }: Props) {
  return (
    <section aria-labelledby="titre-graphique" className="card">
      <h2 id="titre-graphique">{title}</h2>
      <WindowPicker path={path} active={active} today={today} />
      <SeriesPanel {...panel} />
    </section>
  );
}
