import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getWhen } from '@/components/dashboard/server-when';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { loadPlatformIndex } from '@/lib/dashboard/load-index';
import { PLATFORM_STATUSES } from '@/lib/domain/types';
import { currentLocale, localizer } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import '@/components/dashboard/dashboard.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('platformPage.index'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/plateformes', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function PlatformIndexPage() {
  const [items, t, d, href, when] = await Promise.all([
    loadPlatformIndex(),
    getTranslations('platformPage.index'),
    getTranslations('dashboard'),
    localizer(),
    getWhen(),
  ]);
  const groups = [...PLATFORM_STATUSES].reverse().map((status) => ({ status, items: items.filter((i) => i.status === status) }));
  return (
    <article className="dashboard platform-index">
      <header className="page-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro', { count: items.length })}</p>
      </header>
      {groups
        .filter((g) => g.items.length > 0)
        .map((group) => (
          <section key={group.status} aria-labelledby={`groupe-${group.status}`} className="card">
            <h2 id={`groupe-${group.status}`}>{t('group', { status: d(`status.${group.status}`), count: group.items.length })}</h2>
            <ul className="index-list">
              {group.items.map(({ platform, status, since }) => (
                <li key={platform.id} data-platform={platform.id}>
                  <Link href={href(`/plateformes/${platform.id}`)}>{platform.name}</Link> <StatusBadge status={status} />
                  <span className="muted">
                    {' '}
                    {d(`kind.${platform.kind}`)} · {d(`scope.${platform.scope}`)}
                    {since !== null ? ` · ${t('since', { start: when(since) })}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </article>
  );
}
