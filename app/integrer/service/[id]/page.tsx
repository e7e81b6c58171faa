import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StatusCard } from '@/components/embed/status-card';
import { getDb } from '@/lib/db/client';
import { readNames } from '@/lib/db/dashboard';
import { currentLocale } from '@/lib/i18n/server';
import { localizePath } from '@/lib/i18n/paths';
import { getMapState } from '@/lib/map-state/get-map-state';
import { siteOrigin } from '@/lib/seo/site';
import { ID_SLUG as SLUG } from '@/lib/domain/slug';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: PageProps<'/integrer/service/[id]'>): Promise<Metadata> {
  const { id } = await props.params;
  const names = SLUG.test(id) ? await readNames(getDb()) : null;
  return { title: names?.platforms[id] ?? 'École en panne', robots: { index: false, follow: true } };
}

/** A service's live status card that other sites may frame (/integrer/service/pronote?academie=creteil). */
export default async function EmbedServicePage(props: PageProps<'/integrer/service/[id]'>) {
  const [{ id }, params, locale] = await Promise.all([props.params, props.searchParams, currentLocale()]);
  if (!SLUG.test(id)) notFound();
  const names = await readNames(getDb());
  const platformName = names.platforms[id];
  if (!platformName) notFound();
  const academyId = typeof params.academie === 'string' && names.academies[params.academie] ? params.academie : null;
  const initial = await getMapState({ platformId: id });
  const origin = siteOrigin() ?? '';
  const report = `${origin}${localizePath(locale, `/signaler?plateforme=${id}${academyId ? `&academie=${academyId}` : ''}`)}`;
  const details = `${origin}${localizePath(locale, academyId ? `/academies/${academyId}` : `/plateformes/${id}`)}`;
  return (
    <StatusCard
      initial={initial}
      platformId={id}
      platformName={platformName}
      academy={academyId ? { id: academyId, name: names.academies[academyId]?.name ?? academyId } : null}
      links={{ report, details }}
    />
  );
}
