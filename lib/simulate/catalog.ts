import { z } from 'zod';
import rawPlatforms from '@/lib/catalog/data/platforms.json';
import rawAcademies from '@/lib/geo/data/academies.json';
import { PLATFORM_KINDS, PLATFORM_SCOPES } from '@/lib/domain/types';

const platformSchema = z.object({
  id: z.string(),
  kind: z.enum(PLATFORM_KINDS),
  scope: z.enum(PLATFORM_SCOPES),
  academies: z.array(z.string()).min(1),
});
const academySchema = z.object({
  id: z.string(),
  overseas: z.boolean(),
  region: z.object({ id: z.string() }),
});

export type SimPlatform = z.infer<typeof platformSchema>;
export type SimAcademy = { id: string; regionId: string; overseas: boolean };

const platforms: SimPlatform[] = z
  .object({ platforms: z.array(platformSchema) })
  .parse(rawPlatforms).platforms;
const academies: SimAcademy[] = z
  .object({ academies: z.array(academySchema) })
  .parse(rawAcademies)
  .academies.map((a) => ({ id: a.id, regionId: a.region.id, overseas: a.overseas }));
const platformById = new Map(platforms.map((p) => [p.id, p]));

/** All catalogue platforms (id, kind, scope, académies served). */
export function listSimPlatforms(): readonly SimPlatform[] {
  return platforms;
}

/** All 30 académies with their région and overseas flag. */
export function listSimAcademies(): readonly SimAcademy[] {
  return academies;
}

/** Catalogue platform by id; throws on an unknown id. */
export function getSimPlatform(platformId: string): SimPlatform {
  const platform = platformById.get(platformId);
  if (!platform) throw new Error(`Plateforme inconnue : ${platformId}`);
  return platform;
}
