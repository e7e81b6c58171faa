import { formatParisLocal } from '@/lib/calendar/paris-time';
import type { IncidentLevel, IncidentState } from '@/lib/domain/types';
import { localizePath } from '@/lib/i18n/paths';
import type { Locale } from '@/lib/i18n/config';

/** Values of an incident's shareable summary (worded by the page's messages). */
export type ShareFacts = {
  platform: string;
  level: IncidentLevel;
  state: IncidentState;
  ongoing: boolean;
  start: number;
  end: number | null;
  durationMinutes: number;
  national: boolean;
  academyCount: number;
  /** Up to three académie names, in the order they joined. */
  firstAcademies: string[];
  reporters: number;
};

const MAX_NAMED = 3;

export function shareFacts(input: {
  platform: string;
  level: IncidentLevel;
  state: IncidentState;
  startedAt: number;
  endedAt: number | null;
  national: boolean;
  academyNames: readonly string[];
  reporters: number;
  now: number;
}): ShareFacts {
  const ongoing = input.state === 'open';
  const end = ongoing ? null : (input.endedAt ?? null);
  return {
    platform: input.platform,
    level: input.level,
    state: input.state,
    ongoing,
    start: input.startedAt,
    end,
    durationMinutes: Math.max(0, Math.round(((end ?? input.now) - input.startedAt) / 60_000)),
    national: input.national,
    academyCount: input.academyNames.length,
    firstAcademies: input.academyNames.slice(0, MAX_NAMED),
    reporters: input.reporters,
  };
}

/** Links of an incident: its permalink (absolute when the site origin is known) and the map at its start. */
export function incidentLinks(input: { id: string; platformId: string; startedAt: number; origin: string | null; locale: Locale }) {
  const path = localizePath(input.locale, `/incidents/${input.id}`);
  const map = localizePath(input.locale, `/?at=${formatParisLocal(input.startedAt)}&plateforme=${input.platformId}`);
  return { permalink: input.origin ? `${input.origin}${path}` : path, path, map };
}
