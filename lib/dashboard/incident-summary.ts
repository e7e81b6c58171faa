import type { Locale } from '@/lib/i18n/config';
import { frenchOfAcademy } from './academy-name';
import type { Names } from './page-data';
import { incidentLinks, shareFacts, type ShareFacts } from './share';
import type { IncidentDetail } from '@/lib/domain/dashboard';

type Values = Record<string, string | number>;

/**
 * The shareable summary of an incident: facts, links, and the one-paragraph text worded by the
 * page's message (`text`), with times formatted by `when` (Paris time).
 */
export function incidentSummary(input: {
  data: { incident: IncidentDetail; names: Names };
  now: number;
  locale: Locale;
  origin: string | null;
  when: (t: number) => string;
  text: (values: Values) => string;
}): { facts: ShareFacts; links: ReturnType<typeof incidentLinks>; text: string } {
  const { incident, names } = input.data;
  const joined = [...incident.academyJoins].sort((a, b) => a.joinedAt - b.joinedAt || a.academyId.localeCompare(b.academyId));
  const ids = joined.length ? joined.map((j) => j.academyId) : incident.academies;
  const nameOf = (id: string) => names.academies[id]?.name ?? id;
  const facts = shareFacts({
    platform: incident.platformName,
    level: incident.level,
    state: incident.state,
    startedAt: incident.startedAt,
    endedAt: incident.endedAt,
    national: incident.national,
    academyNames: ids.map(nameOf),
    reporters: incident.reporterCount,
    now: input.now,
  });
  const links = incidentLinks({ id: incident.id, platformId: incident.platformId, startedAt: incident.startedAt, origin: input.origin, locale: input.locale });
  const first = ids[0];
  const text = input.text({
    platform: facts.platform,
    level: facts.level,
    ongoing: String(facts.ongoing),
    start: input.when(facts.start),
    end: facts.end === null ? '' : input.when(facts.end),
    national: String(facts.national),
    count: facts.academyCount,
    names: facts.firstAcademies.join(', '),
    ofFirst: first ? frenchOfAcademy(first, nameOf(first)) : '',
    more: String(facts.academyCount > facts.firstAcademies.length),
    reporters: facts.reporters,
    url: links.permalink,
  });
  // Collapse the gaps left by empty message branches, but keep the non-breaking spaces of French typography.
  return { facts, links, text: text.replace(/[ \t\n]+/g, ' ').trim() };
}
