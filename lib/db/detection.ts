import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

const MINUTE_MS = 60_000;

export type CountWindow = Map<string, Map<string, Float64Array>>;

/** Fills a window from rows of (platform, académie, minute index): `value` gives what a row puts in its minute. */
function toWindow<R extends { platform_id: string; academy_id: string; i: number }>(
  rows: readonly R[],
  length: number,
  value: (row: R, current: number) => number,
): CountWindow {
  const window: CountWindow = new Map();
  for (const row of rows) {
    let byAcademy = window.get(row.platform_id);
    if (!byAcademy) window.set(row.platform_id, (byAcademy = new Map()));
    let minutes = byAcademy.get(row.academy_id);
    if (!minutes) byAcademy.set(row.academy_id, (minutes = new Float64Array(length)));
    if (row.i >= 0 && row.i < length) minutes[row.i] = value(row, minutes[row.i] ?? 0);
  }
  return window;
}

/** Distinct reporters per platform × académie × minute over [from, to) as dense arrays (minute-aligned). */
export async function readReporterCounts(
  db: PrismaClient,
  input: { from: Date; to: Date; platformIds?: string[] },
): Promise<CountWindow> {
  const length = Math.round((input.to.getTime() - input.from.getTime()) / MINUTE_MS);
  const onlyPlatforms = input.platformIds ? Prisma.sql`AND platform_id = ANY(${input.platformIds}::text[])` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ platform_id: string; academy_id: string; i: number; n: number }>>`
    SELECT platform_id, academy_id,
      (floor(extract(epoch FROM bucket_start - ${input.from}::timestamptz) / 60))::int AS i, reporters AS n
    FROM report_count
    WHERE bucket_start >= ${input.from} AND bucket_start < ${input.to} AND reporters > 0 ${onlyPlatforms}`;
  return toWindow(rows, length, (row, current) => current + row.n);
}

/**
 * Minutes of [from, to) completed late: the latest arrival of a counted report observed in that
 * minute, when it came more than `toleranceMs` after the minute's end (offline outbox batches).
 */
export async function readLateMinutes(
  db: PrismaClient,
  input: { from: Date; to: Date; toleranceMs: number },
): Promise<CountWindow> {
  const length = Math.round((input.to.getTime() - input.from.getTime()) / MINUTE_MS);
  const slack = `${Math.round((MINUTE_MS + input.toleranceMs) / 1000)} seconds`;
  const rows = await db.$queryRaw<Array<{ platform_id: string; academy_id: string; i: number; known: Date }>>`
    SELECT platform_id, academy_id,
      (floor(extract(epoch FROM date_trunc('minute', observed_at) - ${input.from}::timestamptz) / 60))::int AS i,
      max(created_at) AS known
    FROM report
    WHERE created_at >= ${input.from} AND observed_at >= ${input.from} AND observed_at < ${input.to} AND counted
      AND created_at > date_trunc('minute', observed_at) + ${slack}::interval
    GROUP BY 1, 2, 3`;
  return toWindow(rows, length, (row) => row.known.getTime());
}

/** Start of the first minute with counted reports: when this install began observing (null when none yet). */
export async function firstCountedMinute(db: PrismaClient): Promise<Date | null> {
  const rows = await db.$queryRaw<Array<{ first: Date | null }>>`SELECT min(bucket_start) AS first FROM report_count`;
  return rows[0]?.first ?? null;
}

export async function listServedAcademies(db: PrismaClient): Promise<Map<string, { academies: string[]; operatorGroup: string | null }>> {
  const platforms = await db.platform.findMany({
    where: { retiredAt: null },
    select: { id: true, operatorGroup: true, academies: { select: { academyId: true } } },
  });
  return new Map(platforms.map((p) => [p.id, { academies: p.academies.map((a) => a.academyId).sort(), operatorGroup: p.operatorGroup }]));
}

