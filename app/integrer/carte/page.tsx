import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmbedMap } from '@/components/embed/embed-map';
import { env } from '@/lib/env';
import { BOUNDARY_ATTRIBUTION } from '@/lib/geo/attribution';
import { currentLocale } from '@/lib/i18n/server';
import { localizePath } from '@/lib/i18n/paths';
import { getHomeView } from '@/lib/map-view/home-view';
import { serializeHomeQuery } from '@/lib/map-view/url-state';
import { siteOrigin } from '@/lib/seo/site';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('embed.map');
  return { title: t('title'), robots: { index: false, follow: true } };
}

/** The live map that other sites may frame (/integrer/carte?plateforme=…&categorie=…). */
export default async function EmbedMapPage(props: PageProps<'/integrer/carte'>) {
  const [view, locale] = await Promise.all([getHomeView(await props.searchParams), currentLocale()]);
  const origin = siteOrigin() ?? '';
  const home = `${origin}${localizePath(locale, `/${serializeHomeQuery({ ...view.query, academyId: null })}`)}`;
  const academyBase = `${origin}${localizePath(locale, '/academies')}`;
  return (
    <EmbedMap
      initial={view.state}
      catalog={view.catalog}
      map={{ tileUrl: env.TILE_URL, tileAttribution: env.TILE_ATTRIBUTION, attribution: BOUNDARY_ATTRIBUTION }}
      links={{ home, academyBase }}
    />
  );
}
