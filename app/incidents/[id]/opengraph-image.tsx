import { loadBars, loadIncidentCard } from '@/lib/dashboard/og-data';
import { formatParis, formatParisRange } from '@/lib/og/format';
import { OG_CONTENT_TYPE, OG_SIZE, ogTranslator, renderDetailOgImage } from '@/lib/og/render';
import { incidentWindow } from '@/lib/series/window';

export const alt = ogTranslator()('og.alt.incident');
export const size = OG_SIZE;
export const contentType = OG_CONTENT_TYPE;

export default async function Image(props: { params: Promise<{ id: string }> }) {
  return renderDetailOgImage({
    params: props.params,
    load: loadIncidentCard,
    unknown: (t) => ({ title: t('og.platforms.title'), subtitle: t('og.platforms.subtitle') }),
    card: async (incident, t, now) => {
      const when =
        incident.state === 'open'
          ? t('og.incident.ongoing', { start: formatParis(incident.startedAt) })
          : incident.state === 'closed'
            ? t('og.incident.over', { range: formatParisRange(incident.startedAt, incident.endedAt ?? incident.startedAt) })
            : t(`og.incident.${incident.state}`);
      const scope = incident.national ? t('og.national') : t('og.academies', { count: incident.academies.length });
      return {
        card: {
          title: incident.platformName,
          status: { value: incident.level === 'detected' ? 'outage' : 'degraded', label: t(`dashboard.level.${incident.level}`) },
          subtitle: [when, scope, t('og.reporters', { count: incident.reporterCount })].filter(Boolean).join(' · '),
          bars: {
            values: await loadBars({ platformId: incident.platformId, window: incidentWindow(incident.startedAt, incident.endedAt, now) }),
            label: t('og.incidentChart'),
          },
          footer: t('og.updated', { date: formatParis(now) }),
        },
        maxAgeSeconds: incident.state === 'open' ? 120 : 3600,
      };
    },
  });
}
