import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { loadAcademyIndex } from '@/lib/dashboard/load-index';
import { currentLocale, localizer } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import '@/components/dashboard/dashboard.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('academyPage.index'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/academies', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function AcademyIndexPage() {
  const [items, t, href] = await Promise.all([loadAcademyIndex(), getTranslations('academyPage'), localizer()]);
  const groups = [
    { key: 'metropole', items: items.filter((i) => !i.academy.overseas) },
    { key: 'overseas', items: items.filter((i) => i.academy.overseas) },
  ] as const;
  return (
    <article className="dashboard academy-index">
      <header className="page-head">
        <h1>{t('index.title')}</h1>
        <p className="muted">{t('index.intro')}</p>
      </header>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`groupe-${group.key}`} className="card">
          <h2 id={`groupe-${group.key}`}>{t(`index.${group.key}`)}</h2>
          <ul className="index-list">
            {group.items.map(({ academy, affected }) => (
              <li key={academy.id} data-academy={academy.id}>
                <Link href={href(`/academies/${academy.id}`)}>{academy.name}</Link>{' '}
                {affected.length > 0 ? <StatusBadge status={affected.some((a) => a.status === 'outage') ? 'outage' : 'degraded'} /> : null}
                <span className="muted"> {t('affectedNow', { count: affected.length })}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
