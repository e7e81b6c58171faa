import type { Metadata } from 'next';
import Link from 'next/link';
import { NotifyBox } from '@/components/notify/notify-box';
import { ReportShareBox } from '@/components/share/report-share-box';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { WindowedChartCard } from '@/components/charts/windowed-chart-card';
import { AreaTable } from '@/components/dashboard/area-table';
import { IncidentList } from '@/components/dashboard/incident-list';
import { ReportDetails } from '@/components/dashboard/report-details';
import { PastNotice } from '@/components/dashboard/past-notice';
import { SeriesDownload } from '@/components/dashboard/series-download';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { StatusHistory } from '@/components/dashboard/status-history';
import { getWhen } from '@/components/dashboard/server-when';
import { loadPlatformHeadline } from '@/lib/dashboard/headlines';
import { loadPlatformPage } from '@/lib/dashboard/load-platform-page';
import { currentLocale, localizer } from '@/lib/i18n/server';
import { isPastWindow, pageWindow } from '@/lib/series/page-window';
import { parisDate } from '@/lib/calendar/paris-time';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import '@/components/dashboard/dashboard.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: PageProps<'/plateformes/[id]'>): Promise<Metadata> {
  const { id } = await props.params;
  const [headline, t, common, locale] = await Promise.all([
    loadPlatformHeadline(id),
    getTranslations('platformPage.meta'),
    getTranslations(),
    currentLocale(),
  ]);
  if (!headline) return { title: common('dashboard.notFound') };
  const values = { platform: headline.platform.name, status: common(`dashboard.status.${headline.status}`).toLowerCase() };
  return pageMetadata({ title: t('title', values), description: t('description', values), path: `/plateformes/${id}`, locale, siteName: common('common.brand'), origin: siteOrigin(), feed: { path: `/plateformes/${id}/incidents.atom`, title: common('feeds.title.platform', { platform: headline.platform.name }) } });
}

export default async function PlatformPage(props: PageProps<'/plateformes/[id]'>) {
  const [{ id }, params] = await Promise.all([props.params, props.searchParams]);
  const now = Date.now();
  const { window, active, livePreset } = pageWindow(params, now);
  const data = await loadPlatformPage({ platformId: id, window, now });
  if (!data) notFound();
  const [t, d, href, when, locale] = await Promise.all([getTranslations('platformPage'), getTranslations('dashboard'), localizer(), getWhen(), currentLocale()]);
  const { platform } = data;
  const open = data.incidents.filter((i) => i.state === 'open');
  const path = href(`/plateformes/${platform.id}`);
  const past = isPastWindow(window, now);
  const academyLabels = Object.fromEntries(
    Object.values(data.names.academies).map((a) => [a.id, { name: a.name, href: href(`/academies/${a.id}`) }]),
  );
  return (
    <article className="dashboard platform-page" data-platform={platform.id}>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={href('/plateformes')}>{t('breadcrumb')}</Link> › <span aria-current="page">{platform.name}</span>
      </nav>
      <header className="page-head">
        <h1>
          {platform.name} {past ? null : <StatusBadge status={data.status} />}
        </h1>
        <p className="muted">
          {d(`kind.${platform.kind}`)} · {t('scopeAcademies', { scope: d(`scope.${platform.scope}`), count: platform.academies.length })}
          {platform.operator ? ` · ${t('operator', { operator: platform.operator })}` : ''}
        </p>
        {platform.retired ? <p className="notice">{t('retired')}</p> : null}
        {past ? <PastNotice from={window.from} to={window.to} liveHref={path} /> : null}
        {(past ? [] : open).map((incident) => (
          <p key={incident.id} className={`notice notice-${incident.level}`}>
            <Link href={href(`/incidents/${incident.id}`)}>
              {t('sinceOpen', { level: d(`level.${incident.level}`), start: when(incident.startedAt) })}
            </Link>
          </p>
        ))}
        <p className="page-actions">
          <Link className="button" href={`${href('/signaler')}?plateforme=${platform.id}`}>
            {t('reportLink', { platform: platform.name })}
          </Link>
          {platform.statusPageUrl ? (
            <a href={platform.statusPageUrl} rel="noopener noreferrer external">
              {t('statusPage')}
            </a>
          ) : null}
        </p>
      </header>

      <WindowedChartCard
        title={t('chartTitle')}
        path={path}
        active={active}
        today={parisDate(now)}
        initial={data.series}
        intervals={data.history}
        lineNames={{}}
        livePreset={livePreset}
      />

      <div className="dashboard-columns">
        <section aria-labelledby="titre-historique" className="card">
          <h2 id="titre-historique">{d('history.title')}</h2>
          <StatusHistory intervals={data.history} now={now} />
        </section>
        <ReportShareBox platformId={platform.id} academyId={null} locale={locale} title={platform.name} />
        <NotifyBox platformId={platform.id} academyId={null} returnPath={path} status={typeof params.alerte === 'string' ? params.alerte : null} />

      <section aria-labelledby="titre-incidents" className="card">
          <h2 id="titre-incidents">{d('incidents.title')}</h2>
          <IncidentList incidents={data.incidents} href={href} />
        </section>
      </div>

      <section aria-labelledby="titre-academies" className="card">
        <h2 id="titre-academies">{t('academiesTitle')}</h2>
        <AreaTable rows={data.academies} caption={t('academiesCaption')} nameHeader={t('academy')} labels={academyLabels} />
      </section>

      <ReportDetails breakdown={data.breakdown} comments={data.comments} names={data.names} />
      <SeriesDownload series={data.series} />
    </article>
  );
}
