const PARIS = 'Europe/Paris';
const LONG_SPAN_MS = 36 * 3_600_000;

function parts(t: number, locale: string) {
  const day = new Intl.DateTimeFormat(locale, { timeZone: PARIS, day: 'numeric', month: 'short' }).format(t);
  const time = new Intl.DateTimeFormat(locale, { timeZone: PARIS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
  return { day, time };
}

/**
 * Labels of time-axis ticks (epoch ms) in Paris time: hours within a day or so, with the date on
 * the first tick and wherever the day changes; dates only (hours where not midnight) beyond 36 h.
 */
export function timeAxisLabels(ticks: readonly number[], spanMs: number, locale: string): string[] {
  let previousDay: string | null = null;
  return ticks.map((t) => {
    const { day, time } = parts(t, locale);
    const newDay = day !== previousDay;
    previousDay = day;
    if (spanMs > LONG_SPAN_MS) return time === '00:00' ? day : newDay ? `${day} ${time}` : time;
    return newDay ? `${time}\n${day}` : time;
  });
}

/** Label of a data row's time: hour and minute, with the date for windows longer than 36 h. */
export function rowTimeLabel(t: number, spanMs: number, locale: string): string {
  const { day, time } = parts(t, locale);
  return spanMs > LONG_SPAN_MS ? `${day} ${time}` : time;
}
