import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { currentLocale } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';

const ITEMS = ['boundaries', 'reference', 'calendar', 'catalogue', 'holidays', 'postcodes'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('sources.meta'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/sources', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function SourcesPage() {
  const t = await getTranslations('sources');
  return (
    <article>
      <h1>{t('heading')}</h1>
      <ul>
        {ITEMS.map((item) => (
          <li key={item}>{t(`items.${item}`)}</li>
        ))}
      </ul>
    </article>
  );
}
