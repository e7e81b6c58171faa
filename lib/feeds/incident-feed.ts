import { Feed } from 'feed';
import { createTranslator } from 'next-intl';
import type { IncidentListItem } from '@/lib/domain/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { localizePath } from '@/lib/i18n/paths';
import { MESSAGES } from '@/messages';

export type FeedScope = { kind: 'all' } | { kind: 'platform'; id: string; name: string } | { kind: 'academy'; id: string; name: string };

const NAMED_ACADEMIES = 3;

/** Path of the Atom feed of a scope (the same feed serves both languages through `?langue=en`). */
export function feedPath(scope: FeedScope): string {
  if (scope.kind === 'platform') return `/plateformes/${scope.id}/incidents.atom`;
  if (scope.kind === 'academy') return `/academies/${scope.id}/incidents.atom`;
  return '/incidents.atom';
}

function pagePath(scope: FeedScope): string {
  if (scope.kind === 'platform') return `/plateformes/${scope.id}`;
  if (scope.kind === 'academy') return `/academies/${scope.id}`;
  return '/incidents';
}

function parisTime(locale: Locale, t: number): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(t));
}

/** Last change of an incident as far as a list item shows it: end, detection or start. */
export function incidentUpdated(incident: IncidentListItem): number {
  return Math.max(incident.startedAt, incident.detectedAt ?? 0, incident.endedAt ?? 0);
}

/** Atom 1.0 document of incidents, newest first, with absolute links; entry ids are the incidents' UUIDs. */
export function buildIncidentFeed(input: {
  scope: FeedScope;
  incidents: readonly IncidentListItem[];
  academyNames: Readonly<Record<string, string>>;
  origin: string;
  locale: Locale;
  now: number;
}): string {
  const { scope, locale } = input;
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'feeds' });
  const abs = (path: string) => `${input.origin}${localizePath(locale, path)}`;
  const title = scope.kind === 'all' ? t('title.all') : scope.kind === 'platform' ? t('title.platform', { platform: scope.name }) : t('title.academy', { academy: scope.name });
  const updated = input.incidents.reduce((max, i) => Math.max(max, incidentUpdated(i)), 0);
  const feed = new Feed({
    id: `tag:ecole-en-panne,2021:${feedPath(scope).slice(1)}`,
    title,
    description: t('subtitle'),
    link: abs(pagePath(scope)),
    language: locale,
    updated: new Date(updated || input.now),
    generator: 'École en panne',
    author: { name: 'École en panne' },
    feedLinks: { atom: `${input.origin}${feedPath(scope)}${locale === 'en' ? '?langue=en' : ''}` },
    copyright: t('rights'),
  });
  for (const incident of input.incidents) {
    const names = incident.academies.map((id) => input.academyNames[id] ?? id);
    const scopeText = incident.national
      ? t('national')
      : t('scope', { count: names.length, names: names.slice(0, NAMED_ACADEMIES).join(', '), more: Math.max(0, names.length - NAMED_ACADEMIES) });
    const values = { start: parisTime(locale, incident.startedAt), end: parisTime(locale, incident.endedAt ?? input.now), reporters: incident.reporterCount };
    feed.addItem({
      id: `urn:uuid:${incident.id}`,
      title: t('entryTitle', { platform: incident.platformName, level: incident.level, scope: scopeText }),
      link: abs(`/incidents/${incident.id}`),
      date: new Date(incidentUpdated(incident)),
      published: new Date(incident.startedAt),
      description: t(`summary.${incident.state}`, values),
      category: [{ term: incident.platformId, name: incident.platformName }],
    });
  }
  return feed.atom1();
}
