import type { Metadata } from 'next';
import { localizePath } from '@/lib/i18n/paths';
import type { Locale } from '@/lib/i18n/config';

/** The feed of every incident, announced by every page. */
export const SITE_FEED = { url: '/incidents.atom', title: 'École en panne — incidents' };

/**
 * Title, description and sharing tags of a public page. The French path is canonical; the English
 * page is its alternate. The Open Graph image comes from the segment's opengraph-image file.
 */
export function pageMetadata(input: {
  title: string;
  description: string;
  path: string;
  locale: Locale;
  siteName: string;
  /** Public origin (absolute og:url and og:image); Next falls back to localhost without it. */
  origin: string | null;
  /** Atom feed of the page's own incidents, listed with the site-wide one (`<link rel="alternate">`). */
  feed?: { path: string; title: string };
}): Metadata {
  const url = localizePath(input.locale, input.path);
  const feeds = [...(input.feed ? [{ url: input.feed.path, title: input.feed.title }] : []), SITE_FEED];
  return {
    ...(input.origin ? { metadataBase: new URL(input.origin) } : {}),
    title: input.title,
    description: input.description,
    alternates: {
      canonical: input.path,
      languages: { fr: input.path, en: localizePath('en', input.path) },
      types: { 'application/atom+xml': feeds },
    },
    openGraph: {
      type: 'website',
      siteName: input.siteName,
      locale: input.locale === 'fr' ? 'fr_FR' : 'en_GB',
      title: input.title,
      description: input.description,
      url,
    },
    twitter: { card: 'summary_large_image', title: input.title, description: input.description },
  };
}
