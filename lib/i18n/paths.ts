import { DEFAULT_LOCALE, type Locale } from './config';

/** `/en/plateformes/cned?x=1` → { locale: 'en', path: '/plateformes/cned?x=1' }; unprefixed paths are French. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const match = /^\/en(?=\/|\?|$)(.*)$/.exec(pathname);
  if (!match) return { locale: DEFAULT_LOCALE, path: pathname };
  const rest = match[1] ?? '';
  return { locale: 'en', path: rest === '' || rest.startsWith('?') ? `/${rest}` : rest };
}

/** The same page in `locale`: `/signaler` → `/en/signaler`; the French path is the canonical one. */
export function localizePath(locale: Locale, path: string): string {
  const { path: bare } = splitLocale(path);
  if (locale === DEFAULT_LOCALE) return bare;
  return bare === '/' ? '/en' : bare.startsWith('/?') ? `/en${bare.slice(1)}` : `/en${bare}`;
}
