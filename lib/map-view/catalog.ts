/** What the home page needs from the catalogue (names and label positions), sent once to the browser. */
export type HomeCatalog = {
  academies: ReadonlyArray<{ id: string; name: string; overseas: boolean; lat: number; lon: number }>;
  /** `nationwide`: the platform serves every académie (its national incidents cover all of France). */
  platforms: ReadonlyArray<{ id: string; name: string; nationwide: boolean }>;
};

export type NameLookup = { academy(id: string): string; platform(id: string): string; nationwide(platformId: string): boolean };

export function nameLookup(catalog: HomeCatalog): NameLookup {
  const academies = new Map(catalog.academies.map((a) => [a.id, a.name]));
  const platforms = new Map(catalog.platforms.map((p) => [p.id, p]));
  return {
    academy: (id) => academies.get(id) ?? id,
    platform: (id) => platforms.get(id)?.name ?? id,
    nationwide: (id) => platforms.get(id)?.nationwide ?? false,
  };
}
