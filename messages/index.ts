import type { Locale } from '@/lib/i18n/config';
import enCommon from './en/common.json';
import frCommon from './fr/common.json';
import enHome from './en/home.json';
import frHome from './fr/home.json';
import enMap from './en/map.json';
import frMap from './fr/map.json';

/**
 * One JSON file per namespace and locale. French is the reference: a unit test checks that both
 * locales have the same keys and that French strings use non-breaking spaces where typography wants them.
 * To add a namespace: create messages/fr/<ns>.json and messages/en/<ns>.json and list them here.
 */
export const MESSAGES = {
  fr: { common: frCommon, home: frHome, map: frMap },
  en: { common: enCommon, home: enHome, map: enMap },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['fr'];
