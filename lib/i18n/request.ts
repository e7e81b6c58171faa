import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { MESSAGES } from '@/messages';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, isLocale, LOCALE_HEADER } from './config';

// next-intl without locale segments: proxy.ts rewrites /en/* to the same pages with a locale header.
export default getRequestConfig(async () => {
  const requested = (await headers()).get(LOCALE_HEADER);
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale], timeZone: DEFAULT_TIME_ZONE };
});
