import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { formatDayFr } from '@/lib/evidence/paris-day';
import { readProofs } from '@/lib/evidence/read-proofs';
import { currentLocale, localizer } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('proofs.meta'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/preuves', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function ProofsPage() {
  const [t, href, locale, list] = await Promise.all([getTranslations('proofs'), localizer(), currentLocale(), readProofs({ limit: 120 })]);
  const day = (d: string) => (locale === 'fr' ? formatDayFr(d) : d);
  return (
    <article>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('keyHeading')}</h2>
      <p>
        <code style={{ wordBreak: 'break-all' }}>{list.publicKey}</code>
        <br />
        {t('keyId', { id: list.keyId })} · Ed25519
      </p>
      <h2>{t('copiesHeading')}</h2>
      <p>{t('copies')}</p>
      <ul>
        <li><a href="/api/preuves">{t('json')}</a></li>
        <li><a href="/api/preuves/atom">{t('atom')}</a></li>
        <li><a href={href('/verifier')}>{t('verifier')}</a></li>
      </ul>
      <h2>{t('tableHeading')}</h2>
      {list.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table>
            <caption>{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.day')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col">{t('columns.entries')}</th>
                <th scope="col">{t('columns.counts')}</th>
                <th scope="col">{t('columns.root')}</th>
                <th scope="col">{t('columns.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((d) => (
                <tr key={d.id} id={`condense-${d.id}`}>
                  <th scope="row">{day(d.day)}</th>
                  <td>{d.final ? t('final') : t('partial')}</td>
                  <td>{d.entryCount}</td>
                  <td>{`${d.counts.report} / ${d.counts.moderation} / ${d.counts.incident}`}</td>
                  <td><code>{d.root.slice(0, 16)}…</code></td>
                  <td><code>{d.hash.slice(0, 16)}…</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
