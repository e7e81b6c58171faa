import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApiReference } from '@/components/api/api-reference';
import { apiReference } from '@/lib/api-v1/reference';
import { currentLocale } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import '@/components/dashboard/dashboard.css';

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('newsroom.api'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/donnees/api', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function ApiReferencePage() {
  const locale = await currentLocale();
  return <ApiReference routes={apiReference(locale)} />;
}
