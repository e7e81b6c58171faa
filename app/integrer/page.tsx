import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import '@/components/embed/embed.css';
import { getDb } from '@/lib/db/client';
import { listServingPlatforms, readNames } from '@/lib/db/dashboard';
import { badgeCode, EMBED_HEIGHT, embedPath, iframeCode, parseEmbedOptions } from '@/lib/embed/embed-code';
import { feedPath } from '@/lib/feeds/incident-feed';
import { currentLocale } from '@/lib/i18n/server';
import { localizePath } from '@/lib/i18n/paths';
import { siteOrigin } from '@/lib/seo/site';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('embed.generator');
  return { title: t('title'), description: t('intro') };
}

/** The page that writes the <iframe> and <img> code (a plain GET form: works without JavaScript). */
export default async function EmbedGeneratorPage(props: PageProps<'/integrer'>) {
  const [t, locale, params] = await Promise.all([getTranslations('embed.generator'), currentLocale(), props.searchParams]);
  const db = getDb();
  const [names, platforms] = await Promise.all([readNames(db), listServingPlatforms(db)]);
  const options = parseEmbedOptions(params, new Set(platforms.map((p) => p.id)), new Set(Object.keys(names.academies)));
  // Pasted on another site, the code needs absolute URLs: without a configured origin, the address this page was opened at.
  const origin = siteOrigin() ?? `http://${(await headers()).get('host') ?? 'localhost'}`;
  const platformName = options.platformId ? (names.platforms[options.platformId] ?? options.platformId) : null;
  const what = options.kind === 'service' && platformName ? platformName : t('kindMap');
  const code = iframeCode({ origin, options, title: t('frameTitle', { what }) });
  const academies = Object.values(names.academies).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <section className="embed-generator">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form method="get" action={localizePath(locale, '/integrer')} className="embed-form">
        <fieldset>
          <legend>{t('kind')}</legend>
          <label><input type="radio" name="type" value="carte" defaultChecked={options.kind === 'carte'} /> {t('kindMap')}</label>
          <label><input type="radio" name="type" value="service" defaultChecked={options.kind === 'service'} /> {t('kindCard')}</label>
        </fieldset>
        <label>
          {t('platform')}
          <select name="plateforme" defaultValue={options.platformId ?? ''}>
            <option value="">{t('allPlatforms')}</option>
            {platforms.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>
          {t('academy')}
          <select name="academie" defaultValue={options.academyId ?? ''}>
            <option value="">{t('allAcademies')}</option>
            {academies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        <label>
          {t('language')}
          <select name="langue" defaultValue={options.locale}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('height')}
          <input type="number" name="hauteur" min={EMBED_HEIGHT.min} max={EMBED_HEIGHT.max} defaultValue={options.height} />
        </label>
        <button type="submit">{t('submit')}</button>
      </form>
      <h2>{t('code')}</h2>
      <textarea className="embed-code" readOnly value={code} aria-label={t('code')} />
      {options.platformId && platformName ? (
        <>
          <h2>{t('badge')}</h2>
          <textarea className="embed-code" readOnly aria-label={t('badge')} value={badgeCode({ origin, platformId: options.platformId, academyId: options.academyId, alt: platformName, locale: options.locale })} />
        </>
      ) : null}
      <p>
        {t('feed')} : <a href={feedPath(options.platformId && platformName ? { kind: 'platform', id: options.platformId, name: platformName } : { kind: 'all' })}>Atom</a>
      </p>
      <h2>{t('preview')}</h2>
      <div className="embed-preview">
        <iframe src={embedPath(options)} title={t('frameTitle', { what })} width="100%" height={options.height} style={{ border: 0 }} loading="lazy" />
      </div>
    </section>
  );
}
