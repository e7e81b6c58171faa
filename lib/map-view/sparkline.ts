/** SVG polyline points ("x,y x,y …") for a sparkline in a width × height box, zero at the bottom. */
export function sparklinePoints(values: readonly number[], width: number, height: number, pad = 1): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const span = values.length > 1 ? values.length - 1 : 1;
  const round = (n: number) => Math.round(n * 10) / 10;
  return values
    .map((v, i) => {
      const x = values.length > 1 ? pad + (i * (width - 2 * pad)) / span : width / 2;
      const y = height - pad - (Math.max(0, v) / max) * (height - 2 * pad);
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

/** Summary read out instead of the drawing: total, peak and latest bucket. */
export function sparklineSummary(values: readonly number[]): { total: number; peak: number; last: number } {
  return {
    total: values.reduce((s, v) => s + v, 0),
    peak: values.reduce((m, v) => Math.max(m, v), 0),
    last: values.at(-1) ?? 0,
  };
}
