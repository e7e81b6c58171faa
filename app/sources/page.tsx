import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DATA_LICENCE } from '@/lib/export/licence';
import { currentLocale, localizer } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';

const ITEMS = ['boundaries', 'reference', 'calendar', 'catalogue', 'holidays', 'postcodes'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('sources.meta'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/sources', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function SourcesPage() {
  const [t, l, href] = await Promise.all([getTranslations('sources'), getTranslations('newsroom.licence'), localizer()]);
  return (
    <article>
      <h1>{t('heading')}</h1>
      <ul>
        {ITEMS.map((item) => (
          <li key={item}>{t(`items.${item}`)}</li>
        ))}
      </ul>
      <section id="licence" aria-labelledby="titre-licence">
        <h2 id="titre-licence">{l('title')}</h2>
        <p>{l.rich('choice', { link: (chunks) => <a href={DATA_LICENCE.url}>{chunks}</a> })}</p>
        <p>{l('why')}</p>
        <p>{l('cite')}</p>
        <p>{l.rich('api', { api: (chunks) => <a href={href('/donnees/api')}>{chunks}</a>, doc: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}</p>
      </section>
    </article>
  );
}
