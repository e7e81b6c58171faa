import type { Platform, PlatformKind, PlatformScope } from '@/lib/domain/types';
import type { Prisma } from '@/lib/generated/prisma/client';

/** The include every platform read uses: its académies, as ids. */
export const PLATFORM_WITH_ACADEMIES = { include: { academies: { select: { academyId: true } } } } as const;

export type PlatformRow = Prisma.PlatformGetPayload<typeof PLATFORM_WITH_ACADEMIES>;

/** The one mapping from a platform row to the domain Platform. */
export function toPlatform(row: PlatformRow): Platform {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PlatformKind,
    scope: row.scope as PlatformScope,
    operator: row.operator,
    academies: row.academies.map((a) => a.academyId).sort(),
    domains: row.domains,
    aliases: row.aliases,
    statusPageUrl: row.statusPageUrl,
    retiredAt: row.retiredAt,
  };
}
