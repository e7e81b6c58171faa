import { useLocale } from 'next-intl';
import { useCallback } from 'react';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { localizePath } from '@/lib/i18n/paths';

/** Internal links that keep the visitor's language (`/academies/paris` → `/en/academies/paris`). */
export function useHref(): (path: string) => string {
  const locale = useLocale();
  const current = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return useCallback((path: string) => localizePath(current, path), [current]);
}
