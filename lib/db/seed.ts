import type { ReferenceData } from '@/lib/domain/reference-data';
import type { PrismaClient } from '../generated/prisma/client';

const REFERENCE_KEY = 'reference_data_checksum';

/**
 * Idempotent: académies, départements and boundaries follow the given reference data; platforms are
 * inserted when missing and never overwritten (admins own the catalogue). Skipped when the checksum is stored.
 */
export async function writeReferenceData(db: PrismaClient, data: ReferenceData): Promise<{ changed: boolean }> {
  const current = await db.setting.findUnique({ where: { key: REFERENCE_KEY } });
  if (current && current.value === data.checksum) return { changed: false };

  await db.$transaction(async (tx) => {
    for (const { id, ...row } of data.regions) {
      await tx.regionAcademique.upsert({ where: { id }, create: { id, ...row }, update: row });
    }
    for (const { id, ...row } of data.academies) {
      await tx.academy.upsert({ where: { id }, create: { id, ...row }, update: row });
    }
    for (const { code, ...row } of data.departements) {
      await tx.departement.upsert({ where: { code }, create: { code, ...row }, update: row });
    }
    for (const { academyId, ...row } of data.boundaries) {
      await tx.academyBoundary.upsert({ where: { academyId }, create: { academyId, ...row }, update: row });
    }
    const existing = new Set((await tx.platform.findMany({ select: { id: true } })).map((p) => p.id));
    for (const { academies, retired, ...p } of data.platforms) {
      if (existing.has(p.id)) continue;
      await tx.platform.create({ data: { ...p, aliases: [], retiredAt: retired ? new Date() : null } });
      await tx.platformAcademy.createMany({
        data: academies.map((academyId) => ({ platformId: p.id, academyId })),
        skipDuplicates: true,
      });
    }
    await tx.setting.upsert({
      where: { key: REFERENCE_KEY },
      create: { key: REFERENCE_KEY, value: data.checksum },
      update: { value: data.checksum },
    });
  }, { timeout: 120_000, maxWait: 30_000 });
  return { changed: true };
}
