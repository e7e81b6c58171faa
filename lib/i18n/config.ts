/** Public pages are French first; English is served under the /en prefix (rewritten by proxy.ts). */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** Request header set by proxy.ts on /en/* rewrites; read by lib/i18n/request.ts. */
export const LOCALE_HEADER = 'x-ecole-locale';
/** Request header carrying the path as the visitor typed it (without the locale prefix). */
export const PATHNAME_HEADER = 'x-ecole-pathname';

/** Times are shown in Paris time unless a page shows an overseas académie in its own zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
