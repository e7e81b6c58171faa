import type { BaselineModel, PlatformBaselines, SeriesLevels } from '@/lib/domain/detection';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { BucketRow } from '@/lib/domain/series';

const SHAPE_KEY = '';

type Window = { from: Date; to: Date; bucketMinutes: number };

/**
 * Distinct reporters per platform and bucket of `bucketMinutes` over [from, to), from the minute
 * counters: for one platform (all its académies), one académie (all platforms), or both.
 */
export async function readBucketedReporters(
  db: PrismaClient,
  input: Window & { platformId?: string | null; academyId?: string | null },
): Promise<BucketRow[]> {
  const { from, to } = input;
  const seconds = input.bucketMinutes * 60;
  type Row = { platform_id: string; i: number; n: number };
  const conditions = [
    ...(input.platformId ? [Prisma.sql`platform_id = ${input.platformId}`] : []),
    ...(input.academyId ? [Prisma.sql`academy_id = ${input.academyId}`] : []),
    Prisma.sql`bucket_start >= ${from} AND bucket_start < ${to} AND reporters > 0`,
  ];
  const rows = await db.$queryRaw<Row[]>`
    SELECT platform_id, floor(extract(epoch FROM bucket_start - ${from}::timestamptz) / ${seconds})::int AS i,
      sum(reporters)::int AS n
    FROM report_count
    WHERE ${Prisma.join(conditions, ' AND ')}
    GROUP BY platform_id, i`;
  return rows.map((r) => ({ platformId: r.platform_id, i: r.i, reporters: r.n }));
}

export type StoredPlatformBaselines = { platformId: string; baselines: PlatformBaselines; learnedAt: Date };
export type StoredAcademyBaseline = {
  platformId: string;
  model: BaselineModel;
  learnedAt: Date;
};

/** The stored baselines of one platform (shape, every académie, total dispersion), or null. */
export async function readPlatformBaselines(db: PrismaClient, platformId: string): Promise<StoredPlatformBaselines | null> {
  const row = await db.baseline.findUnique({ where: { platformId_academyId: { platformId, academyId: SHAPE_KEY } } });
  if (!row) return null;
  return { platformId, baselines: toPlatformBaselines(row.model), learnedAt: row.learnedAt };
}

/** Stores a platform's learned baselines (one row; its académies' models inside the JSON). */
export async function saveBaselines(db: PrismaClient, platformId: string, baselines: PlatformBaselines, learnedAt: Date): Promise<void> {
  const model = JSON.parse(JSON.stringify(baselines)) as Prisma.InputJsonValue;
  await db.baseline.upsert({
    where: { platformId_academyId: { platformId, academyId: SHAPE_KEY } },
    create: { platformId, academyId: SHAPE_KEY, model, learnedAt },
    update: { model, learnedAt },
  });
}

/** Stores the adopted levels inside a platform's stored baselines, leaving the models and learnedAt as they are. */
export async function saveBaselineLevels(db: PrismaClient, platformId: string, levels: SeriesLevels): Promise<void> {
  await db.$executeRaw`
    UPDATE baseline SET model = jsonb_set(model, '{levels}', ${JSON.stringify(levels)}::jsonb), updated_at = now()
    WHERE platform_id = ${platformId} AND academy_id = ${SHAPE_KEY}`;
}

/**
 * Only the académie's model out of each platform's stored baselines (the JSON of a national
 * platform holds 30 of them, so the database extracts the one needed).
 */
export async function readAcademyBaselines(
  db: PrismaClient,
  input: { academyId: string; platformIds?: string[] },
): Promise<StoredAcademyBaseline[]> {
  type Row = { platform_id: string; model: unknown; learned_at: Date };
  const onlyPlatforms = input.platformIds ? Prisma.sql`AND platform_id = ANY(${input.platformIds}::text[])` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT platform_id, model -> 'academies' -> ${input.academyId} AS model, learned_at
    FROM baseline
    WHERE academy_id = ${SHAPE_KEY} ${onlyPlatforms} AND model -> 'academies' -> ${input.academyId} IS NOT NULL`;
  return rows.map((r) => ({ platformId: r.platform_id, model: toBaselineModel(r.model), learnedAt: r.learned_at }));
}

// Baseline JSON is written only by saveBaselines (above) from these same types.
function toPlatformBaselines(json: unknown): PlatformBaselines {
  return json as PlatformBaselines;
}

function toBaselineModel(json: unknown): BaselineModel {
  return (typeof json === 'string' ? JSON.parse(json) : json) as BaselineModel;
}

/** Which of a platform id and an académie id exist (retired platforms included: their history stays). */
export async function findSeriesScope(
  db: PrismaClient,
  input: { platformId: string | null; academyId: string | null },
): Promise<{ platform: boolean; academy: boolean }> {
  const [platform, academy] = await Promise.all([
    input.platformId ? db.platform.findUnique({ where: { id: input.platformId }, select: { id: true } }) : null,
    input.academyId ? db.academy.findUnique({ where: { id: input.academyId }, select: { id: true } }) : null,
  ]);
  return { platform: platform !== null, academy: academy !== null };
}
