import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { localizer } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFound.metaTitle'), robots: { index: false } };
}

/** Unknown addresses, in the visitor's language and inside the site's layout. */
export default async function NotFound() {
  const [t, href] = await Promise.all([getTranslations('errors'), localizer()]);
  return (
    <section className="error-page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href={href('/')}>{t('notFound.home')}</Link> · <Link href={href('/signaler')}>{t('notFound.report')}</Link>
      </p>
    </section>
  );
}
