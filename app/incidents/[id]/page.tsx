import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { SeriesPanel } from '@/components/charts/series-panel';
import { BreakdownTable } from '@/components/dashboard/breakdown-table';
import { IncidentTimeline } from '@/components/dashboard/incident-timeline';
import { getWhen } from '@/components/dashboard/server-when';
import { SeriesDownload } from '@/components/dashboard/series-download';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { IncidentNotes } from '@/components/incident/incident-notes';
import { ShareBox } from '@/components/share/share-box';
import { loadIncidentPage, type IncidentPageData } from '@/lib/dashboard/load-incident-page';
import { MIN_DETECTED_NETWORKS } from '@/lib/detect/network-gate';
import { incidentSummary } from '@/lib/dashboard/incident-summary';
import { statusHistory } from '@/lib/dashboard/status-history';
import { currentLocale, localizer } from '@/lib/i18n/server';
import { sessionCookieName } from '@/lib/auth/session';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import '@/components/dashboard/dashboard.css';

export const dynamic = 'force-dynamic';

// One read per request for the metadata and the page.
const loadPage = cache((id: string) => loadIncidentPage({ id, now: Date.now() }));

async function summaryOf(data: IncidentPageData, now: number) {
  const [t, when, locale] = await Promise.all([getTranslations('incidentPage'), getWhen(), currentLocale()]);
  return incidentSummary({ data, now, locale, origin: siteOrigin(), when, text: (values) => t('share.text', values) });
}

export async function generateMetadata(props: PageProps<'/incidents/[id]'>): Promise<Metadata> {
  const { id } = await props.params;
  const now = Date.now();
  const [data, t, all, locale, format] = await Promise.all([
    loadPage(id),
    getTranslations('incidentPage.meta'),
    getTranslations(),
    currentLocale(),
    getFormatter(),
  ]);
  if (!data) return { title: all('dashboard.notFound') };
  const { incident } = data;
  const summary = await summaryOf(data, now);
  const values = {
    platform: incident.platformName,
    level: incident.level,
    date: format.dateTime(incident.startedAt, { dateStyle: 'long', timeZone: 'Europe/Paris' }),
    summary: summary.text.replace(summary.links.permalink, '').trim(),
  };
  return pageMetadata({ title: t('title', values), description: t('description', values), path: `/incidents/${incident.id}`, locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function IncidentPage(props: PageProps<'/incidents/[id]'>) {
  const { id } = await props.params;
  const now = Date.now();
  const data = await loadPage(id);
  if (!data) notFound();
  const [t, d, n, href, format] = await Promise.all([
    getTranslations('incidentPage'), getTranslations('dashboard'), getTranslations('networks'), localizer(), getFormatter(),
  ]);
  const { incident } = data;
  const signedIn = (await cookies()).has(sessionCookieName());
  const academyName = (academyId: string) => data.names.academies[academyId]?.name ?? academyId;
  const soleZone = !incident.national && incident.academies.length === 1 ? data.names.academies[incident.academies[0] ?? '']?.timeZone : undefined;
  const when = await getWhen(soleZone);
  const summary = await summaryOf(data, now);
  const duration = t('duration', { hours: Math.floor(summary.facts.durationMinutes / 60), minutes: summary.facts.durationMinutes % 60 });
  const intervals = statusHistory([incident], { from: Date.parse(data.series.from), to: Date.parse(data.series.to) }, now);
  const cause = incident.commonCause;
  const platformNames = (ids: string[]) => ids.map((p) => data.names.platforms[p] ?? p).join(', ');
  return (
    <article className="dashboard incident-page" data-incident={incident.id} data-state={incident.state}>
      <nav aria-label={d('incidents.title')} className="breadcrumb">
        <Link href={href(`/plateformes/${incident.platformId}`)}>{incident.platformName}</Link> ›{' '}
        <span aria-current="page">{d('incidents.title')}</span>
      </nav>
      <header className="page-head">
        <h1>
          {t('heading', { platform: incident.platformName, level: incident.level })}
          {incident.state === 'open' ? <StatusBadge level={incident.level} /> : null}
        </h1>
        <p className={`notice notice-${incident.state === 'open' ? incident.level : 'closed'}`}>
          {incident.state === 'open'
            ? t('stateLine.open', { start: when(incident.startedAt) })
            : incident.state === 'closed'
              ? t('stateLine.closed', { range: when.range(incident.startedAt, incident.endedAt ?? incident.startedAt), duration })
              : t(`stateLine.${incident.state}`)}
          {incident.state === 'dismissed' && incident.dismissedReason ? ` ${t('dismissedReason', { reason: incident.dismissedReason })}` : ''}
          {incident.state === 'merged' && incident.mergedIntoId ? (
            <>
              {' '}
              <Link href={href(`/incidents/${incident.mergedIntoId}`)}>{t('mergedLink')}</Link>
            </>
          ) : null}
        </p>
        <p className="page-actions">
          <Link href={href(`/plateformes/${incident.platformId}`)}>{t('platformLink', { platform: incident.platformName })}</Link>
        </p>
      </header>

      <div className="dashboard-columns">
        <section aria-labelledby="titre-deroulement" className="card">
          <h2 id="titre-deroulement">{t('timeline.title')}</h2>
          <IncidentTimeline items={data.timeline} academyName={academyName} href={href} timeZone={soleZone} />
        </section>
        <section aria-labelledby="titre-chiffres" className="card">
          <h2 id="titre-chiffres">{t('counts.title')}</h2>
          <dl className="figures">
            <dt>{t('counts.reports')}</dt>
            <dd>{format.number(incident.reportCount)}</dd>
            <dt>{t('counts.reporters')}</dt>
            <dd>{format.number(incident.reporterCount)}</dd>
            <dt>{n('label')}</dt>
            <dd data-testid="incident-networks">
              {n('summary', { reporters: incident.reporterCount, networks: incident.networkCount })}
              <br />
              <small>{n('explanation', { min: MIN_DETECTED_NETWORKS })}</small>
            </dd>
            <dt>{t('counts.peak')}</dt>
            <dd>{format.number(incident.peakReporters)}</dd>
            <dt>{t('counts.duration')}</dt>
            <dd>{duration}</dd>
            <dt>{t('counts.academies')}</dt>
            <dd>
              {incident.national ? `${t('counts.national')}${incident.academies.length ? ' · ' : ''}` : ''}
              {incident.academies.map((a, i) => (
                <span key={a}>
                  {i > 0 ? ', ' : ''}
                  <Link href={href(`/academies/${a}`)}>{academyName(a)}</Link>
                </span>
              ))}
            </dd>
          </dl>
          <h3>{t('commonCause.title')}</h3>
          <p>
            {cause
              ? t(`commonCause.${cause.kind}`, { key: cause.key, platforms: platformNames(cause.platforms), academies: cause.academies.map(academyName).join(', ') })
              : t('commonCause.none')}
          </p>
        </section>
      </div>

      <section aria-labelledby="titre-partager" className="card">
        <h2 id="titre-partager">{t('share.title')}</h2>
        <ShareBox text={summary.text} permalink={summary.links.permalink} mapHref={summary.links.map} />
      </section>

      <section aria-labelledby="titre-graphique" className="card">
        <h2 id="titre-graphique">{t('chartTitle')}</h2>
        <SeriesPanel initial={data.series} intervals={intervals} lineNames={{}} livePreset={null} timeZone={soleZone} />
        <SeriesDownload series={data.series} />
      </section>

      <section aria-labelledby="titre-problemes" className="card">
        <h2 id="titre-problemes">{t('breakdownTitle')}</h2>
        <BreakdownTable rows={data.breakdown} />
      </section>

      {signedIn ? <IncidentNotes incidentId={incident.id} /> : null}
    </article>
  );
}
