import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { AnnouncementBanner } from '@/components/layout/announcement-banner';
import { ServiceWorker } from '@/components/pwa/service-worker';
import { env } from '@/lib/env';
import { currentLocale, currentPath } from '@/lib/i18n/server';
import { SITE_FEED } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';
import { getRuntimeSettings } from '@/lib/settings/runtime';
import { localizePath, splitLocale } from '@/lib/i18n/paths';
import { isEmbedPath, isPrivatePath } from '@/lib/security/page-headers';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  const origin = siteOrigin();
  return {
    // Absolute Open Graph URLs come from the configured public origin, never from the Host header.
    ...(origin ? { metadataBase: new URL(origin) } : {}),
    title: { default: t('brand'), template: `%s · ${t('brand')}` },
    description: t('meta.description'),
    manifest: '/manifest.webmanifest',
    alternates: { types: { 'application/atom+xml': [SITE_FEED] } },
    // Listing icons here replaces the file-based app/icon.svg link: keep it, or browsers ask for /favicon.ico (404).
    icons: { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }], apple: '/icons/apple-touch-icon.png' },
    appleWebApp: { capable: true, title: t('brand'), statusBarStyle: 'default' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f3a5f' };

const JS_FLAG = "document.documentElement.classList.add('js')";

/** The nonce proxy.ts put in this request's CSP (absent on prefetches, which run no script). */
async function currentNonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading request headers makes every page render per request, as the nonce CSP of proxy.ts requires.
  const [locale, path, t, settings, nonce] = await Promise.all([currentLocale(), currentPath(), getTranslations('common'), getRuntimeSettings(), currentNonce()]);
  const href = (target: string) => localizePath(locale, target);
  const other = locale === 'fr' ? 'en' : 'fr';
  // Account pages exist in French only: no link to an English page that does not exist.
  const hasOtherLanguage = !isPrivatePath(splitLocale(path.split('?')[0] ?? '/').path);
  // Framed by other sites: the page alone, without the site's header, banner and footer.
  if (isEmbedPath(path.split('?')[0] ?? path)) {
    return (
      <html lang={locale}>
        <head>
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: JS_FLAG }} />
        </head>
        <body className="embed-body">
          <NextIntlClientProvider>
            <main id="contenu">{children}</main>
          </NextIntlClientProvider>
        </body>
      </html>
    );
  }
  return (
    <html lang={locale}>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: JS_FLAG }} />
      </head>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#contenu">
            {t('skipLink')}
          </a>
          {settings.announcement ? <AnnouncementBanner text={settings.announcement} /> : null}
          <header className="site-header">
            <Link href={href('/')} className="brand">
              {t('brand')}
            </Link>
            <nav aria-label={t('nav.label')}>
              <ul>
                <li>
                  <Link href={href('/')}>{t('nav.map')}</Link>
                </li>
                <li>
                  <Link href={href('/incidents')}>{t('nav.incidents')}</Link>
                </li>
                <li>
                  <Link href={href('/signaler')} className="cta">
                    {t('nav.report')}
                  </Link>
                </li>
                <li>
                  <Link href={href('/sources')}>{t('nav.sources')}</Link>
                </li>
                {hasOtherLanguage ? (
                  <li>
                    <a href={localizePath(other, path)} hrefLang={other} lang={other} aria-label={t('nav.otherLanguageLabel')}>
                      {t('nav.otherLanguage')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          </header>
          <main id="contenu">{children}</main>
          <ServiceWorker enabled={env.NODE_ENV === 'production'} />
          <footer className="site-footer">
            <p>
              {t('footer.about')} <Link href={href('/sources')}>{t('footer.sources')}</Link> · <Link href={href('/confidentialite')}>{t('footer.privacy')}</Link> ·{' '}
              <Link href={href('/integrer')}>{t('footer.embed')}</Link>.
            </p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
