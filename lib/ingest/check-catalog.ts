import { fieldIssue, type FieldIssue } from './issue-messages';

export type CatalogPlatform = { academies: ReadonlySet<string>; retired: boolean };

export type Catalog = {
  platforms: ReadonlyMap<string, CatalogPlatform>;
  academies: ReadonlySet<string>;
};

/** Checks a parsed report against the platform catalogue; returns [] when it is consistent. */
export function checkCatalog(
  input: { platform: string; academy: string },
  catalog: Catalog,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const platform = catalog.platforms.get(input.platform);
  if (!platform) issues.push(fieldIssue('platform', 'platform_unknown'));
  if (!catalog.academies.has(input.academy)) issues.push(fieldIssue('academy', 'academy_unknown'));
  if (!platform || issues.length > 0) return issues;
  if (platform.retired) return [fieldIssue('platform', 'platform_retired')];
  if (!platform.academies.has(input.academy)) {
    return [fieldIssue('platform', 'platform_not_in_academy')];
  }
  return [];
}

function isRetired(retiredAt: Date | null | undefined, now: Date): boolean {
  return retiredAt !== undefined && retiredAt !== null && retiredAt.getTime() <= now.getTime();
}

/** Builds the lookup structure from plain catalogue rows (DB rows or platforms.json). */
export function buildCatalog(input: {
  platforms: ReadonlyArray<{ id: string; academies: readonly string[]; retiredAt?: Date | null }>;
  academyIds: readonly string[];
  now: Date;
}): Catalog {
  const platforms = new Map<string, CatalogPlatform>();
  for (const platform of input.platforms) {
    platforms.set(platform.id, {
      academies: new Set(platform.academies),
      retired: isRetired(platform.retiredAt, input.now),
    });
  }
  return { platforms, academies: new Set(input.academyIds) };
}
