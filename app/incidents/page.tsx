import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DownloadLink } from '@/components/dashboard/download-link';
import { IncidentFilters } from '@/components/dashboard/incident-filters';
import { IncidentList } from '@/components/dashboard/incident-list';
import { loadIncidentsIndex } from '@/lib/dashboard/load-incidents-index';
import { currentLocale, localizer } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import '@/components/dashboard/dashboard.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('newsroom.incidents'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/incidents', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function IncidentsPage(props: PageProps<'/incidents'>) {
  const [index, t, href] = await Promise.all([loadIncidentsIndex(await props.searchParams), getTranslations('newsroom.incidents'), localizer()]);
  const { curseur: _, ...filters } = index.values;
  const query = new URLSearchParams(filters);
  const next = index.nextCursor ? `${href('/incidents')}?${new URLSearchParams({ ...filters, curseur: index.nextCursor })}` : null;
  return (
    <article className="dashboard incidents-index">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </header>
      <IncidentFilters action={href('/incidents')} values={index.values} platforms={index.platforms} academies={index.academies} />
      {index.issues.length > 0 ? (
        <ul className="notice notice-error" role="alert">
          {index.issues.map((i) => (
            <li key={`${i.field}-${i.code}`}>{i.message}</li>
          ))}
        </ul>
      ) : (
        <section className="card" aria-labelledby="titre-liste">
          <h2 id="titre-liste">{t(index.values.curseur ? 'listMore' : 'list')}</h2>
          <IncidentList incidents={index.items} href={href} showPlatform />
          <p className="pager">
            {index.values.curseur ? <a href={`${href('/incidents')}${query.size ? `?${query}` : ''}`}>{t('first')}</a> : null}
            {next ? <a href={next} rel="next">{t('next')}</a> : null}
          </p>
          <DownloadLink href={`/api/v1/incidents?${new URLSearchParams({ ...filters, limite: '500' })}`} label={t('json')} />
        </section>
      )}
    </article>
  );
}
