import { loadPlatformHeadline } from '@/lib/dashboard/headlines';
import { lastDay, loadBars } from '@/lib/dashboard/og-data';
import { formatParis } from '@/lib/og/format';
import { OG_CONTENT_TYPE, OG_SIZE, ogTranslator, renderDetailOgImage } from '@/lib/og/render';

export const alt = ogTranslator()('og.alt.platform');
export const size = OG_SIZE;
export const contentType = OG_CONTENT_TYPE;

export default async function Image(props: { params: Promise<{ id: string }> }) {
  return renderDetailOgImage({
    params: props.params,
    load: loadPlatformHeadline,
    unknown: (t) => ({ title: t('og.platforms.title'), subtitle: t('og.platforms.subtitle') }),
    card: async ({ platform, status, open }, t, now) => {
      const first = [...open].sort((a, b) => a.startedAt - b.startedAt)[0];
      const worst = open.find((i) => i.level === 'detected') ?? first;
      const academies = new Set(open.flatMap((i) => i.academies)).size;
      const subtitle = worst
        ? [
            t('og.since', { level: t(`dashboard.level.${worst.level}`), start: formatParis(first?.startedAt ?? worst.startedAt) }),
            open.some((i) => i.national) ? t('og.national') : t('og.academies', { count: academies }),
          ]
            .filter(Boolean)
            .join(' · ')
        : t('og.noIncident');
      return {
        card: {
          title: platform.name,
          status: { value: status, label: t(`dashboard.status.${status}`) },
          subtitle,
          bars: { values: await loadBars({ platformId: platform.id, window: lastDay(now) }), label: t('og.chart') },
          footer: t('og.updated', { date: formatParis(now) }),
        },
        maxAgeSeconds: 120,
      };
    },
  });
}
