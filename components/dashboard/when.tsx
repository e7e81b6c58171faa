import { useFormatter, useTranslations, type DateTimeFormatOptions } from 'next-intl';

const PARIS = 'Europe/Paris';

export type WhenOptions = { timeOnly?: boolean };
export type FormatWhen = ((t: number, opts?: WhenOptions) => string) & {
  /** A period, compact when both ends share the day (« 6 avril 2021 à 09:02 – 19:30 »). */
  range: (from: number, to: number) => string;
};

type Formatter = Pick<ReturnType<typeof useFormatter>, 'dateTime'>;
type LocalLabel = (key: 'local', values: { time: string }) => string;

function wallClock(t: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(t);
}

/**
 * Formats instants in Paris time (« 6 avril 2021 à 09:02 ») and, for an overseas académie's zone,
 * adds its local time when it differs (« (03:02 heure locale) »). Server components pass
 * getFormatter() and getTranslations('dashboard.time'); client ones use useWhen.
 */
export function makeWhen(format: Formatter, label: LocalLabel, timeZone?: string): FormatWhen {
  const showsLocal = (t: number) => Boolean(timeZone && timeZone !== PARIS && wallClock(t, timeZone) !== wallClock(t, PARIS));
  const when = (t: number, opts: WhenOptions = {}) => {
    const options: DateTimeFormatOptions = opts.timeOnly ? { timeStyle: 'short' } : { dateStyle: 'long', timeStyle: 'short' };
    const paris = format.dateTime(t, { ...options, timeZone: PARIS });
    if (!showsLocal(t)) return paris;
    return `${paris} (${label('local', { time: format.dateTime(t, { timeStyle: 'short', timeZone }) })})`;
  };
  // Built from single dates: Intl formatRange spacing differs between Node's and browsers' ICU (hydration).
  const range = (from: number, to: number) => {
    const day = (t: number, timeZone: string) => format.dateTime(t, { dateStyle: 'long', timeZone });
    const sameDay = day(from, PARIS) === day(to, PARIS);
    const end = sameDay ? format.dateTime(to, { timeStyle: 'short', timeZone: PARIS }) : format.dateTime(to, { dateStyle: 'long', timeStyle: 'short', timeZone: PARIS });
    const paris = `${format.dateTime(from, { dateStyle: 'long', timeStyle: 'short', timeZone: PARIS })} – ${end}`;
    if (!timeZone || !showsLocal(from)) return paris;
    const local = `${format.dateTime(from, { timeStyle: 'short', timeZone })} – ${format.dateTime(to, { timeStyle: 'short', timeZone })}`;
    return `${paris} (${label('local', { time: local })})`;
  };
  return Object.assign(when, { range });
}

export function useWhen(timeZone?: string): FormatWhen {
  const format = useFormatter();
  const label = useTranslations('dashboard.time');
  return makeWhen(format, (key, values) => label(key, values), timeZone);
}

/** An instant as a <time> element (for non-async components). */
export function When({ t, timeZone, timeOnly }: { t: number; timeZone?: string; timeOnly?: boolean }) {
  const when = useWhen(timeZone);
  return <time dateTime={new Date(t).toISOString()}>{when(t, { timeOnly })}</time>;
}
