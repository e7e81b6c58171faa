import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { HomeDashboard } from '@/components/home/home-dashboard';
import { env } from '@/lib/env';
import { BOUNDARY_ATTRIBUTION } from '@/lib/geo/attribution';
import { localizer } from '@/lib/i18n/server';
import { parseParisLocal } from '@/lib/calendar/paris-time';
import { getHomeView } from '@/lib/map-view/home-view';
import { parseHomeQuery, serializeHomeQuery } from '@/lib/map-view/url-state';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: PageProps<'/'>): Promise<Metadata> {
  const [t, common, format] = await Promise.all([getTranslations('home.meta'), getTranslations('common'), getFormatter()]);
  const at = parseHomeQuery(await props.searchParams).query.at;
  const instant = at ? parseParisLocal(at) : null;
  const title = instant && instant.getTime() <= Date.now() ? t('titleAt', { date: format.dateTime(instant, { dateStyle: 'long', timeStyle: 'short' }) }) : t('title');
  // The layout's title template applies to child segments only, not to this root page.
  return { title: { absolute: `${title} · ${common('brand')}` }, description: t('description') };
}

export default async function HomePage(props: PageProps<'/'>) {
  const [view, t, href] = await Promise.all([getHomeView(await props.searchParams), getTranslations('home'), localizer()]);
  return (
    <>
      <section className="hero" aria-labelledby="titre-carte">
        <h1 id="titre-carte">{t('title')}</h1>
        <p>
          {t.rich('intro', {
            academies: view.catalog.academies.length,
            platforms: view.catalog.platforms.length,
            link: (chunks) => <a href={href('/signaler')}>{chunks}</a>,
          })}
        </p>
      </section>
      {view.notices.length > 0 ? (
        <ul className="home-notices" role="status">
          {view.notices.map((n) => (
            <li key={n}>{t(n === 'future' ? 'invalid.future' : `invalid.${n}`)}</li>
          ))}
        </ul>
      ) : null}
      <HomeDashboard
        key={serializeHomeQuery(view.query)}
        initial={view.state}
        query={view.query}
        catalog={view.catalog}
        map={{ tileUrl: env.TILE_URL, tileAttribution: env.TILE_ATTRIBUTION, attribution: BOUNDARY_ATTRIBUTION }}
      />
    </>
  );
}
