import { useTranslations } from 'next-intl';
import type { StatusInterval } from '@/lib/dashboard/status-history';
import { useWhen } from './when';

/** When the platform was perturbé or en panne over the window, in words. */
export function StatusHistory({ intervals, now, timeZone }: { intervals: StatusInterval[]; now: number; timeZone?: string }) {
  const t = useTranslations('dashboard');
  const when = useWhen(timeZone);
  if (intervals.length === 0) return <p className="muted">{t('history.none')}</p>;
  return (
    <ul className="status-history">
      {intervals.map((interval) => (
        <li key={`${interval.status}-${interval.from}`} className={`history-item history-${interval.status}`}>
          <span className="status-mark" aria-hidden="true" />
          {interval.to >= now - 60_000
            ? t('history.ongoing', { status: t(`status.${interval.status}`), from: when(interval.from) })
            : t('history.range', { status: t(`status.${interval.status}`), range: when.range(interval.from, interval.to) })}
        </li>
      ))}
    </ul>
  );
}
