import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { currentLocale } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';

const SECTIONS = ['reports', 'source', 'device', 'comments', 'notifications', 'accounts', 'cookies', 'removal'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('privacy.meta'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/confidentialite', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

/** What is collected, why, for how long, and how to have a comment removed. */
export default async function PrivacyPage() {
  const t = await getTranslations('privacy');
  return (
    <article className="prose">
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`confidentialite-${s}`}>
          <h2 id={`confidentialite-${s}`}>{t(`${s}.title`)}</h2>
          <p>{t(`${s}.what`)}</p>
          <p>
            <strong>{t('why')}</strong> {t(`${s}.why`)}
          </p>
          <p>
            <strong>{t('howLong')}</strong> {t(`${s}.howLong`)}
          </p>
        </section>
      ))}
    </article>
  );
}
