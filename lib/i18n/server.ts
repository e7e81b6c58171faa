import 'server-only';
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { isLocale, PATHNAME_HEADER, type Locale } from './config';
import { localizePath } from './paths';

/** Locale of the current request (French unless the visitor came through /en). */
export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : 'fr';
}

/** The path the visitor asked for, without the locale prefix (set by proxy.ts). */
export async function currentPath(): Promise<string> {
  return (await headers()).get(PATHNAME_HEADER) ?? '/';
}

/** Builds links that stay in the visitor's language: `href('/signaler')` → `/en/signaler` in English. */
export async function localizer(): Promise<(path: string) => string> {
  const locale = await currentLocale();
  return (path) => localizePath(locale, path);
}
