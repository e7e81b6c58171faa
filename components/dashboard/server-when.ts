import 'server-only';
import { getFormatter, getTranslations } from 'next-intl/server';
import { makeWhen, type FormatWhen } from './when';

/** makeWhen for async server components (pages, metadata). */
export async function getWhen(timeZone?: string): Promise<FormatWhen> {
  const [format, label] = await Promise.all([getFormatter(), getTranslations('dashboard.time')]);
  return makeWhen(format, (key, values) => label(key, values), timeZone);
}
