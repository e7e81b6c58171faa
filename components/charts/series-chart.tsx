'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { StatusInterval } from '@/lib/dashboard/status-history';
import { timeAxisLabels } from '@/lib/series/axis';
import type { SeriesPayload } from '@/lib/series/types';

export type SeriesChartProps = {
  series: SeriesPayload;
  intervals: StatusInterval[];
  locale: string;
  labels: { observed: string; expected: string; band: string; lines: Record<string, string> };
  /** Called with a range (epoch ms) the reader selected by dragging across the chart. */
  onZoom?: (from: number, to: number) => void;
  height?: number;
};

export const LINE_COLOURS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2'];
const OBSERVED = '#b03a2e';
const EXPECTED = '#44546a';
const BAND = 'rgba(31, 58, 95, 0.16)';
const SHADE = { degraded: 'rgba(230, 126, 34, 0.16)', outage: 'rgba(192, 57, 43, 0.16)' } as const;

function toData(series: SeriesPayload): uPlot.AlignedData {
  const x = series.t.map((t) => t / 1000);
  const empty = series.t.map(() => null);
  const band = series.band;
  return [x, band?.low ?? empty, band?.high ?? empty, band?.expected ?? empty, ...series.lines.map((l) => l.values), series.observed];
}

function shadeIntervals(intervals: StatusInterval[]): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (u) => {
        const { ctx } = u;
        const { top, height } = u.bbox;
        for (const interval of intervals) {
          const x0 = Math.max(u.bbox.left, u.valToPos(interval.from / 1000, 'x', true));
          const x1 = Math.min(u.bbox.left + u.bbox.width, u.valToPos(interval.to / 1000, 'x', true));
          if (x1 <= x0) continue;
          ctx.save();
          ctx.fillStyle = SHADE[interval.status];
          ctx.fillRect(x0, top, x1 - x0, height);
          if (interval.status === 'outage') {
            ctx.beginPath();
            ctx.rect(x0, top, x1 - x0, height);
            ctx.clip();
            ctx.strokeStyle = 'rgba(192, 57, 43, 0.35)';
            ctx.lineWidth = 1;
            for (let x = x0 - height; x < x1; x += 12) {
              ctx.moveTo(x, top + height);
              ctx.lineTo(x + height, top);
            }
            ctx.stroke();
          }
          ctx.restore();
        }
      },
    },
  };
}

function buildOptions(props: SeriesChartProps, width: number): uPlot.Options {
  const { series, labels, locale } = props;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const hidden = { stroke: 'transparent', points: { show: false } };
  return {
    width,
    height: props.height ?? 300,
    legend: { show: false },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Europe/Paris'),
    cursor: { drag: { x: true, y: false, setScale: true } },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      {
        values: (_u, splits) => timeAxisLabels(splits.map((s) => s * 1000), (series.t.at(-1) ?? 0) - (series.t[0] ?? 0), locale),
      },
      { values: (_u, splits) => splits.map((s) => number.format(s)), size: 48 },
    ],
    series: [
      {},
      { label: labels.band, ...hidden },
      { label: labels.band, ...hidden },
      { label: labels.expected, stroke: EXPECTED, width: 1.5, dash: [6, 4], points: { show: false } },
      ...series.lines.map((line, i) => ({
        label: labels.lines[line.id] ?? line.id,
        stroke: LINE_COLOURS[i % LINE_COLOURS.length],
        width: 1.25,
        points: { show: false },
      })),
      // Drawn last so the total stays on top of the per-platform lines.
      { label: labels.observed, stroke: OBSERVED, width: 2, points: { show: false } },
    ],
    bands: series.band ? [{ series: [2, 1], fill: BAND }] : [],
    plugins: [shadeIntervals(props.intervals)],
    hooks: {
      setSelect: [
        (u) => {
          if (!props.onZoom || u.select.width < 4) return;
          const from = u.posToVal(u.select.left, 'x') * 1000;
          const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
          props.onZoom(from, to);
        },
      ],
    },
  };
}

/** uPlot chart of reporters per minute against the baseline band, with incident periods shaded. */
export default function SeriesChart(props: SeriesChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const onZoom = useRef(props.onZoom);
  useEffect(() => {
    onZoom.current = props.onZoom;
  }, [props.onZoom]);
  const shapeKey = `${props.series.lines.map((l) => l.id).join(',')}|${props.series.band ? 1 : 0}|${props.intervals.length}`;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const zoom = (from: number, to: number) => onZoom.current?.(from, to);
    const chart = new uPlot(buildOptions({ ...props, onZoom: zoom }, element.clientWidth || 600), toData(props.series), element);
    plot.current = chart;
    const observer = new ResizeObserver(() => chart.setSize({ width: element.clientWidth || 600, height: props.height ?? 300 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // Rebuilt only when the set of drawn series changes; new values go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shapeKey, props.locale]);

  useEffect(() => {
    plot.current?.setData(toData(props.series));
  }, [props.series]);

  return <div ref={container} className="series-chart" />;
}
