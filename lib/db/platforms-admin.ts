import { operatorGroupOf } from '@/lib/domain/operator-group';
import type { PlatformFields } from '@/lib/domain/platform-fields';
import type { DbLike, Tx } from './audit';

export type AdminPlatform = PlatformFields & { id: string; retiredAt: Date | null; verified: boolean; reports: number };

const INCLUDE = { academies: { select: { academyId: true } }, _count: { select: { reports: true } } } as const;

function toAdminPlatform(row: {
  id: string; name: string; kind: string; scope: string; operator: string | null; statusPageUrl: string | null;
  aliases: string[]; domains: string[]; levels: string[]; notes: string | null; retiredAt: Date | null; verified: boolean;
  academies: { academyId: string }[]; _count: { reports: number };
}): AdminPlatform {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as AdminPlatform['kind'],
    scope: row.scope as AdminPlatform['scope'],
    operator: row.operator,
    statusPageUrl: row.statusPageUrl,
    aliases: row.aliases,
    domains: row.domains,
    levels: row.levels as AdminPlatform['levels'],
    academies: row.academies.map((a) => a.academyId).sort(),
    notes: row.notes,
    retiredAt: row.retiredAt,
    verified: row.verified,
    reports: row._count.reports,
  };
}

export async function listAdminPlatforms(db: DbLike): Promise<AdminPlatform[]> {
  const rows = await db.platform.findMany({ include: INCLUDE, orderBy: [{ retiredAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }] });
  return rows.map(toAdminPlatform);
}

export async function getAdminPlatform(db: DbLike, id: string): Promise<AdminPlatform | null> {
  const row = await db.platform.findUnique({ where: { id }, include: INCLUDE });
  return row ? toAdminPlatform(row) : null;
}

/** Académie ids among `ids` that do not exist. */
export async function unknownAcademies(db: DbLike, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = new Set((await db.academy.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((a) => a.id));
  return ids.filter((id) => !found.has(id));
}

function columns(fields: PlatformFields) {
  return {
    name: fields.name,
    kind: fields.kind,
    scope: fields.scope,
    operator: fields.operator,
    operatorGroup: operatorGroupOf(fields.operator),
    statusPageUrl: fields.statusPageUrl,
    aliases: fields.aliases,
    domains: fields.domains,
    levels: fields.levels,
    notes: fields.notes,
  };
}

export async function createPlatformRow(tx: Tx, input: PlatformFields & { id: string }): Promise<void> {
  await tx.platform.create({ data: { id: input.id, verified: true, ...columns(input) } });
  await tx.platformAcademy.createMany({ data: input.academies.map((academyId) => ({ platformId: input.id, academyId })) });
}

/** Rewrites the fields and the académies served; reports and incidents keep pointing at the same id. */
export async function updatePlatformRow(tx: Tx, input: PlatformFields & { id: string }): Promise<void> {
  await tx.platform.update({ where: { id: input.id }, data: columns(input) });
  await tx.platformAcademy.deleteMany({ where: { platformId: input.id, academyId: { notIn: input.academies } } });
  await tx.platformAcademy.createMany({
    data: input.academies.map((academyId) => ({ platformId: input.id, academyId })),
    skipDuplicates: true,
  });
}

export async function setPlatformRetired(tx: Tx, input: { id: string; retiredAt: Date | null }): Promise<void> {
  await tx.platform.update({ where: { id: input.id }, data: { retiredAt: input.retiredAt } });
}
