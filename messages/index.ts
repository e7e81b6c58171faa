import type { Locale } from '@/lib/i18n/config';
import enCommon from './en/common.json';
import frCommon from './fr/common.json';
import enHome from './en/home.json';
import frHome from './fr/home.json';
import enMap from './en/map.json';
import frMap from './fr/map.json';
import enAcademyPage from './en/academyPage.json';
import frAcademyPage from './fr/academyPage.json';
import enCharts from './en/charts.json';
import frCharts from './fr/charts.json';
import enDashboard from './en/dashboard.json';
import frDashboard from './fr/dashboard.json';
import enIncidentPage from './en/incidentPage.json';
import frIncidentPage from './fr/incidentPage.json';
import enOg from './en/og.json';
import frOg from './fr/og.json';
import enPlatformPage from './en/platformPage.json';
import frPlatformPage from './fr/platformPage.json';
import enReport from './en/report.json';
import frReport from './fr/report.json';
import enSources from './en/sources.json';
import frSources from './fr/sources.json';
import enLabels from './en/labels.json';
import frLabels from './fr/labels.json';
import enFeeds from './en/feeds.json';
import frFeeds from './fr/feeds.json';
import enEmbed from './en/embed.json';
import frEmbed from './fr/embed.json';
import enErrors from './en/errors.json';
import frErrors from './fr/errors.json';
import enNewsroom from './en/newsroom.json';
import frNewsroom from './fr/newsroom.json';
import enNetworks from './en/networks.json';
import frNetworks from './fr/networks.json';
import enProofs from './en/proofs.json';
import frProofs from './fr/proofs.json';
import enVerifier from './en/verifier.json';
import frVerifier from './fr/verifier.json';
import enNotes from './en/notes.json';
import frNotes from './fr/notes.json';
import enShare from './en/share.json';
import frShare from './fr/share.json';
import enPrivacy from './en/privacy.json';
import frPrivacy from './fr/privacy.json';
import enNotify from './en/notify.json';
import frNotify from './fr/notify.json';

/**
 * One JSON file per namespace and locale. French is the reference: a unit test checks that both
 * locales have the same keys and that French strings use non-breaking spaces where typography wants them.
 * To add a namespace: create messages/fr/<ns>.json and messages/en/<ns>.json and list them here.
 */
export const MESSAGES = {
  fr: {
    common: frCommon, home: frHome, map: frMap,
    dashboard: frDashboard, charts: frCharts, platformPage: frPlatformPage, academyPage: frAcademyPage, incidentPage: frIncidentPage, og: frOg,
    report: frReport, sources: frSources, labels: frLabels, feeds: frFeeds, embed: frEmbed,
    errors: frErrors,
    newsroom: frNewsroom,
    networks: frNetworks,
    proofs: frProofs, verifier: frVerifier,
    share: frShare, privacy: frPrivacy,
    notify: frNotify,
    notes: frNotes,
  },
  en: {
    common: enCommon, home: enHome, map: enMap,
    dashboard: enDashboard, charts: enCharts, platformPage: enPlatformPage, academyPage: enAcademyPage, incidentPage: enIncidentPage, og: enOg,
    report: enReport, sources: enSources, labels: enLabels, feeds: enFeeds, embed: enEmbed,
    errors: enErrors,
    newsroom: enNewsroom,
    networks: enNetworks,
    proofs: enProofs, verifier: enVerifier,
    share: enShare, privacy: enPrivacy,
    notify: enNotify,
    notes: enNotes,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['fr'];
