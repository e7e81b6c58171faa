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
import { frenchOfAcademy } from '@/lib/dashboard/academy-name';
import { loadAcademyHeadline } from '@/lib/dashboard/headlines';
import { loadAcademyPage } from '@/lib/dashboard/load-academy-page';
import { currentLocale, localizer } from '@/lib/i18n/server';
import { isPastWindow, pageWindow } from '@/lib/series/page-window';
import { parisDate } from '@/lib/calendar/paris-time';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import '@/components/dashboard/dashboard.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: PageProps<'/academies/[id]'>): Promise<Metadata> {
  const { id } = await props.params;
  const [headline, t, all, locale] = await Promise.all([loadAcademyHeadline(id), getTranslations('academyPage.meta'), getTranslations(), currentLocale()]);
  if (!headline) return { title: all('dashboard.notFound') };
  const { academy, open } = headline;
  const values = { academy: academy.name, of: frenchOfAcademy(academy.id, academy.name), count: new Set(open.map((i) => i.platformId)).size };
  return pageMetadata({ title: t('title', values), description: t('description', values), path: `/academies/${id}`, locale, siteName: all('common.brand'), origin: siteOrigin(), feed: { path: `/academies/${id}/incidents.atom`, title: all('feeds.title.academy', { academy: academy.name }) } });
}

export default async function AcademyPage(props: PageProps<'/academies/[id]'>) {
  const [{ id }, params] = await Promise.all([props.params, props.searchParams]);
  const now = Date.now();
  const { window, active, livePreset } = pageWindow(params, now);
  const data = await loadAcademyPage({ academyId: id, window, now });
  if (!data) notFound();
  const [t, d, href, locale] = await Promise.all([getTranslations('academyPage'), getTranslations('dashboard'), localizer(), currentLocale()]);
  const { academy } = data;
  const names = { academy: academy.name, of: frenchOfAcademy(academy.id, academy.name) };
  const affectedNow = new Set(data.incidents.filter((i) => i.state === 'open').map((i) => i.platformId)).size;
  const platformLabels = Object.fromEntries(
    Object.entries(data.names.platforms).map(([pid, name]) => [pid, { name, href: href(`/plateformes/${pid}`) }]),
  );
  const timeZone = academy.timeZone;
  return (
    <article className="dashboard academy-page" data-academy={academy.id}>
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <Link href={href('/academies')}>{t('breadcrumb')}</Link> › <span aria-current="page">{academy.name}</span>
      </nav>
      <header className="page-head">
        <h1>{t('heading', names)}</h1>
        <p className="muted">
          {t('region', { region: academy.regionName })} · {t('serving', { count: data.serving.length })}
        </p>
        {timeZone !== 'Europe/Paris' ? <p className="muted">{t('timeZone', { zone: timeZone })}</p> : null}
        {isPastWindow(window, now) ? (
          <PastNotice from={window.from} to={window.to} liveHref={href(`/academies/${academy.id}`)} timeZone={timeZone} />
        ) : (
          <p className={affectedNow > 0 ? 'notice notice-detected' : 'notice'}>{t('affectedNow', { count: affectedNow })}</p>
        )}
        <p className="page-actions">
          <Link className="button" href={`${href('/signaler')}?academie=${academy.id}`}>
            {t('reportLink')}
          </Link>
        </p>
      </header>

      <WindowedChartCard
        title={t('chartTitle')}
        path={href(`/academies/${academy.id}`)}
        active={active}
        today={parisDate(now)}
        initial={data.series}
        intervals={[]}
        lineNames={data.names.platforms}
        livePreset={livePreset}
        timeZone={timeZone}
      />

      <section aria-labelledby="titre-services" className="card">
        <h2 id="titre-services">{t('platformsTitle')}</h2>
        <AreaTable rows={data.platforms} caption={t('platformsCaption')} nameHeader={t('platform')} labels={platformLabels} />
      </section>

      <section aria-labelledby="titre-signaler" className="card">
        <h2 id="titre-signaler">{t('reportTitle')}</h2>
        <ul className="report-links">
          {[...data.serving]
            .sort((a, b) => Number(data.platforms.some((r) => r.id === b.id && r.open)) - Number(data.platforms.some((r) => r.id === a.id && r.open)))
            .map((p) => (
              <li key={p.id}>
                <Link href={`${href('/signaler')}?plateforme=${p.id}&academie=${academy.id}`}>{t('reportPlatform', { platform: p.name })}</Link>
              </li>
            ))}
        </ul>
      </section>

      <ReportShareBox platformId={null} academyId={academy.id} locale={locale} title={t('shareTitle', names)} />
      <NotifyBox platformId={null} platforms={data.serving.map((p) => ({ id: p.id, name: p.name }))} academyId={academy.id} returnPath={href(`/academies/${academy.id}`)} status={typeof params.alerte === 'string' ? params.alerte : null} />

      <section aria-labelledby="titre-incidents" className="card">
        <h2 id="titre-incidents">{d('incidents.title')}</h2>
        <IncidentList incidents={data.incidents} href={href} showPlatform timeZone={timeZone} />
      </section>

      <ReportDetails breakdown={data.breakdown} comments={data.comments} names={data.names} />
      <SeriesDownload series={data.series} />
    </article>
  );
}
