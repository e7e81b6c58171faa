// Data for the poll benchmark: the 3.5 hours before `now` at ~100 counted reports/s spread over every
// served platform × académie (minute counters, all categories and per category), stored baselines for
// every platform, two outages under way and a day of closed incidents.
import { randomUUID } from 'node:crypto';
import { createFallbackBaseline } from '../../lib/detect/baseline';
import { saveBaselines } from '../../lib/db/series';
import type { PrismaClient } from '../../lib/db/types';

const MIN = 60_000;

export async function fillPollData(db: PrismaClient, now: number): Promise<{ counters: number; categoryCounters: number }> {
  const to = new Date(now - (now % MIN));
  const from = new Date(to.getTime() - 210 * MIN);
  // ~430 served pairs × 4 categories × 0..6 reports ≈ 5,000-6,000 reports a minute.
  await db.$executeRaw`
    INSERT INTO report_category_count (platform_id, category, bucket_start, academy_id, reports, reporters, created_at, updated_at)
    SELECT platform_id, category, bucket_start, academy_id, n, (n * 0.8)::int, now(), now()
    FROM (
      SELECT pa.platform_id, c.category, m.bucket_start, pa.academy_id, floor(random() * 7)::int AS n
      FROM platform_academy pa
      CROSS JOIN generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 minute', interval '1 minute') AS m(bucket_start)
      CROSS JOIN unnest(ARRAY['unreachable', 'login', 'slow', 'error_page']) AS c(category)
    ) s
    WHERE n > 0`;
  await db.$executeRaw`
    INSERT INTO report_count (platform_id, academy_id, bucket_start, reports, reporters, created_at, updated_at)
    SELECT platform_id, academy_id, bucket_start, sum(reports)::int, sum(reporters)::int, now(), now()
    FROM report_category_count WHERE bucket_start >= ${from} AND bucket_start < ${to}
    GROUP BY 1, 2, 3`;
  const platforms = await db.platform.findMany({ select: { id: true, academies: { select: { academyId: true } } } });
  for (const p of platforms) {
    const academies = Object.fromEntries(
      p.academies.map((a) => {
        const model = createFallbackBaseline(a.academyId);
        return [a.academyId, { ...model, rates: model.rates.map((_, i) => 0.5 + 0.4 * Math.sin(i / 15)), isFallback: false }];
      }),
    );
    const shape = Object.values(academies)[0] ?? createFallbackBaseline('paris');
    await saveBaselines(db, p.id, { shape, academies, totalDispersion: 0.3 }, new Date(now));
  }
  const incident = (platformId: string, start: number, end: number | null, scope: string, academies: string[]) =>
    db.incident.create({
      data: {
        id: randomUUID(), platformId, scope, level: 'detected', state: end === null ? 'open' : 'closed',
        startedAt: new Date(start), detectedAt: new Date(start + 3 * MIN), endedAt: end === null ? null : new Date(end),
        academies: { create: academies.map((academyId) => ({ academyId, joinedAt: new Date(start), level: 'detected' })) },
      },
    });
  await incident('cned-ma-classe-a-la-maison', now - 40 * MIN, null, 'national', []);
  await incident('monlycee-net', now - 90 * MIN, null, 'academies', ['creteil', 'paris', 'versailles']);
  for (let i = 0; i < 24; i += 1) await incident('pronote', now - (i + 3) * 60 * MIN, now - (i + 3) * 60 * MIN + 25 * MIN, 'academies', ['lille', 'lyon']);
  return { counters: await db.reportCount.count(), categoryCounters: await db.reportCategoryCount.count() };
}
