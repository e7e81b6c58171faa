import 'server-only';
import { getDb } from '@/lib/db/client';
import { listIncidents, readNames } from '@/lib/db/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { buildIncidentFeed, type FeedScope } from './incident-feed';

export const FEED_ENTRIES = 50;

/** `origin` is the configured site origin, else the one the reader used (the feed is then not shared by caches). */
export type FeedRequest = { platformId?: string; academyId?: string; locale: Locale; origin: string };

/** The Atom document of the last incidents of a scope, or null when the platform or académie is unknown. */
export async function loadIncidentFeed(input: FeedRequest, now = Date.now()): Promise<string | null> {
  const db = getDb();
  const names = await readNames(db);
  let scope: FeedScope = { kind: 'all' };
  if (input.platformId) {
    const name = names.platforms[input.platformId];
    if (!name) return null;
    scope = { kind: 'platform', id: input.platformId, name };
  } else if (input.academyId) {
    const academy = names.academies[input.academyId];
    if (!academy) return null;
    scope = { kind: 'academy', id: input.academyId, name: academy.name };
  }
  const incidents = await listIncidents(db, { platformId: input.platformId, academyId: input.academyId, since: new Date(0), limit: FEED_ENTRIES });
  const academyNames = Object.fromEntries(Object.entries(names.academies).map(([id, a]) => [id, a.name]));
  return buildIncidentFeed({ scope, incidents, academyNames, origin: input.origin, locale: input.locale, now });
}
