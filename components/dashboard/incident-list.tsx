import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { IncidentListItem } from '@/lib/domain/dashboard';
import { useWhen } from './when';

type Props = {
  incidents: IncidentListItem[];
  href: (path: string) => string;
  /** Name the platform in each item (académie page); the platform page leaves it implied. */
  showPlatform?: boolean;
  timeZone?: string;
};

/** Incidents, open first then newest first, each linking to its page. */
export function IncidentList({ incidents, href, showPlatform = false, timeZone }: Props) {
  const t = useTranslations('dashboard');
  const when = useWhen(timeZone);
  if (incidents.length === 0) return <p className="muted">{t('incidents.none')}</p>;
  return (
    <ul className="incident-list">
      {incidents.map((incident) => (
        <li key={incident.id} className={`incident-item incident-${incident.state}`} data-incident={incident.id}>
          <span className="incident-head">
            <Link href={href(`/incidents/${incident.id}`)} className="incident-link">
              {showPlatform ? `${incident.platformName} · ` : ''}
              {t(`level.${incident.level}`)}
            </Link>
            <span className="incident-state">{t(`state.${incident.state}`)}</span>
          </span>
          <span className="incident-when">
            {incident.endedAt === null
              ? t('incidents.since', { start: when(incident.startedAt) })
              : when.range(incident.startedAt, incident.endedAt)}
          </span>
          <span className="incident-scope">
            {incident.national ? t('incidents.national') : t('incidents.academies', { count: incident.academies.length })}
            {' · '}
            {t('incidents.reporters', { count: incident.reporterCount })}
          </span>
        </li>
      ))}
    </ul>
  );
}
