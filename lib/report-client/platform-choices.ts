import type { Academy, Platform, PlatformScope } from '@/lib/domain/types';

export type PlatformOption = Pick<Platform, 'id' | 'name' | 'kind' | 'scope' | 'academies' | 'domains' | 'aliases'>;
export type AcademyOption = Pick<Academy, 'id' | 'name'>;

const SCOPE_ORDER: Record<PlatformScope, number> = { national: 0, regional: 1, departemental: 2 };

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Lowercase, accents and punctuation removed: "Éclat-BFC" and "eclat bfc" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function servesAcademy(platform: Pick<PlatformOption, 'academies'>, academy: string): boolean {
  return platform.academies.includes(academy);
}

/** Whether every word of the query starts a word of the name, id, a domain or an alias. */
export function matchesPlatformQuery(platform: PlatformOption, query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = ` ${foldText([platform.name, platform.id, ...platform.domains, ...platform.aliases].join(' '))}`;
  return words.every((word) => haystack.includes(` ${word}`));
}

export function comparePlatforms(a: PlatformOption, b: PlatformOption): number {
  return SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || collator.compare(a.name, b.name);
}

/** Platforms to offer: those serving the académie (all when none is chosen yet), national ones first. */
export function listPlatformChoices(
  platforms: PlatformOption[],
  filter: { academy?: string; query?: string },
): PlatformOption[] {
  return platforms
    .filter((p) => !filter.academy || servesAcademy(p, filter.academy))
    .filter((p) => !filter.query || matchesPlatformQuery(p, filter.query))
    .sort(comparePlatforms);
}

export function sortAcademies(academies: AcademyOption[]): AcademyOption[] {
  return [...academies].sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The radios to show. Without JavaScript: every platform (the académie may still change). With it:
 * the académie's platforms, only national ones until an académie is chosen or a search is typed,
 * and the selected platform always, so a choice never disappears from under the user.
 */
export function listVisiblePlatforms(input: {
  platforms: PlatformOption[];
  academy: string;
  query: string;
  selected: string;
  isInteractive: boolean;
  /** Ids to list first, in this order (in trouble here now, then this device's usual ones). */
  preferred?: readonly string[];
}): PlatformOption[] {
  const { platforms, academy, query, selected, isInteractive } = input;
  if (!isInteractive) return listPlatformChoices(platforms, {});
  const choices = preferFirst(
    listPlatformChoices(platforms, { academy, query }).filter((p) => academy !== '' || query.trim() !== '' || p.scope === 'national'),
    input.preferred ?? [],
  );
  const current = platforms.find((p) => p.id === selected);
  if (current && !choices.includes(current) && (!academy || servesAcademy(current, academy))) {
    return [current, ...choices];
  }
  return choices;
}

/** Stable reordering: the preferred ids first, in their order, then the rest as they were. */
export function preferFirst(choices: PlatformOption[], preferred: readonly string[]): PlatformOption[] {
  const rank = new Map(preferred.map((id, i) => [id, i]));
  return choices
    .map((p, i) => ({ p, key: rank.has(p.id) ? (rank.get(p.id) ?? 0) : preferred.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((e) => e.p);
}

/** The services to offer first in an académie: in trouble there now (most severe first), then this device's usual ones. */
export function preferredPlatforms(input: { troubled: readonly string[]; usual: readonly string[] }): string[] {
  return [...new Set([...input.troubled, ...input.usual])];
}
