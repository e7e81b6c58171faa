import { frenchOfAcademy } from '@/lib/dashboard/academy-name';
import { loadAcademyHeadline } from '@/lib/dashboard/headlines';
import { lastDay, loadBars } from '@/lib/dashboard/og-data';
import { formatParis } from '@/lib/og/format';
import { OG_CONTENT_TYPE, OG_SIZE, ogTranslator, renderDetailOgImage } from '@/lib/og/render';

export const alt = ogTranslator()('og.alt.academy');
export const size = OG_SIZE;
export const contentType = OG_CONTENT_TYPE;

export default async function Image(props: { params: Promise<{ id: string }> }) {
  return renderDetailOgImage({
    params: props.params,
    load: loadAcademyHeadline,
    unknown: (t) => ({ title: t('og.academyIndex.title'), subtitle: t('og.academyIndex.subtitle') }),
    card: async ({ academy, open }, t, now) => {
      const platforms = [...new Set(open.map((i) => i.platformName))];
      const status = open.some((i) => i.level === 'detected') ? 'outage' : open.length > 0 ? 'degraded' : 'operational';
      return {
        card: {
          title: t('og.academy.title', { academy: academy.name, of: frenchOfAcademy(academy.id, academy.name) }),
          status: { value: status, label: t('og.academy.affected', { count: platforms.length }) },
          subtitle: platforms.length ? platforms.slice(0, 4).join(' · ') + (platforms.length > 4 ? ' …' : '') : undefined,
          bars: { values: await loadBars({ academyId: academy.id, window: lastDay(now) }), label: t('og.chart') },
          footer: t('og.updated', { date: formatParis(now) }),
        },
        maxAgeSeconds: 120,
      };
    },
  });
}
