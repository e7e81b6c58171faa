import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { countCategories, listApprovedComments, listIncidents, listServingPlatforms, readIncident } from '@/lib/db/dashboard';
import { readAcademyBaselines, readBucketedReporters, readPlatformBaselines } from '@/lib/db/series';
import { createFallbackBaseline } from '@/lib/detect/baseline';
import type { Prisma } from '@/lib/generated/prisma/client';
import { insertFallbackBaselines } from '../../helpers/factories';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const PLATFORM = 'ecoledirecte';
const T0 = new Date('2017-03-07T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ids = { open: randomUUID(), closed: randomUUID(), dismissed: randomUUID() };
const reportIds: string[] = [];

async function addReport(over: Partial<Prisma.ReportCreateManyInput>) {
  const id = randomUUID();
  reportIds.push(id);
  await db.report.create({
    data: { id, platformId: PLATFORM, academyId: 'lille', category: 'login', idempotencyKey: `dash-${id}`, createdAt: at(5), ...over },
  });
}

beforeAll(async () => {
  await db.reportCount.createMany({
    data: [
      { platformId: PLATFORM, academyId: 'lille', bucketStart: at(0), reports: 3, reporters: 2 },
      { platformId: PLATFORM, academyId: 'lille', bucketStart: at(1), reports: 1, reporters: 1 },
      { platformId: PLATFORM, academyId: 'lyon', bucketStart: at(4), reports: 5, reporters: 5 },
      { platformId: 'pronote', academyId: 'lille', bucketStart: at(3), reports: 7, reporters: 7 },
      { platformId: PLATFORM, academyId: 'lille', bucketStart: at(10), reports: 9, reporters: 9 },
    ],
  });
  await db.reportCategoryCount.createMany({
    data: [
      { platformId: PLATFORM, academyId: 'lille', category: 'login', bucketStart: at(0), reports: 3, reporters: 2 },
      { platformId: PLATFORM, academyId: 'lyon', category: 'slow', bucketStart: at(4), reports: 5, reporters: 5 },
      { platformId: 'pronote', academyId: 'lille', category: 'slow', bucketStart: at(3), reports: 7, reporters: 7 },
      { platformId: PLATFORM, academyId: 'lille', category: 'login', bucketStart: at(10), reports: 9, reporters: 9 },
    ],
  });
  const base = { platformId: PLATFORM, level: 'detected', detectedAt: at(2), reportCount: 10, reporterCount: 8 };
  await db.incident.create({ data: { ...base, id: ids.open, scope: 'national', state: 'open', startedAt: at(1) } });
  await db.incident.create({
    data: { ...base, id: ids.closed, scope: 'academies', state: 'closed', startedAt: at(0), endedAt: at(6), peakAt: at(3), peakReporters: 4, categoryBreakdown: { login: 6, slow: 2 }, commonCause: { kind: 'operator', key: 'aplim', platforms: [PLATFORM], academies: ['lille'], since: at(0).toISOString() } },
  });
  await db.incident.create({ data: { ...base, id: ids.dismissed, scope: 'academies', state: 'dismissed', startedAt: at(2), endedAt: at(3), dismissedReason: 'Test' } });
  await db.incidentAcademy.createMany({
    data: [
      { incidentId: ids.closed, academyId: 'lille', joinedAt: at(0), level: 'detected' },
      { incidentId: ids.dismissed, academyId: 'lyon', joinedAt: at(2), level: 'possible' },
    ],
  });
  await db.incidentEvent.createMany({
    data: [
      { incidentId: ids.closed, at: at(0), kind: 'started', data: {} },
      { incidentId: ids.closed, at: at(6), kind: 'closed', data: {} },
      { incidentId: ids.closed, at: at(7), kind: 'annotated', data: { note: 'Vérifié' }, actorId: 'moderator-1' },
    ],
  });
  await addReport({ comment: 'Approuvé', commentState: 'approved', createdAt: at(5) });
  await addReport({ comment: 'En attente', commentState: 'pending', createdAt: at(6) });
  await addReport({ comment: 'Commentaire masqué', commentState: 'hidden', createdAt: at(7) });
  await addReport({ comment: 'Signalement masqué', commentState: 'approved', moderationState: 'hidden', createdAt: at(8) });
  await addReport({ comment: 'Autre académie', commentState: 'approved', academyId: 'lyon', createdAt: at(9) });
  await insertFallbackBaselines(db, { platformId: PLATFORM, academies: ['lille', 'lyon'], learnedAt: T0, totalDispersion: 0.5 });
});

afterAll(async () => {
  const incidentIds = Object.values(ids);
  await db.incidentEvent.deleteMany({ where: { incidentId: { in: incidentIds } } });
  await db.incidentAcademy.deleteMany({ where: { incidentId: { in: incidentIds } } });
  await db.incident.deleteMany({ where: { id: { in: incidentIds } } });
  await db.report.deleteMany({ where: { id: { in: reportIds } } });
  await db.reportCount.deleteMany({ where: { bucketStart: { gte: at(-60), lt: at(60) } } });
  await db.reportCategoryCount.deleteMany({ where: { bucketStart: { gte: at(-60), lt: at(60) } } });
  await db.baseline.deleteMany({ where: { platformId: PLATFORM, learnedAt: T0 } });
  await db.$disconnect();
});

describe('readBucketedReporters', () => {
  const window = { from: at(0), to: at(10), bucketMinutes: 2 };
  test('one platform, all its académies, by bucket of the window', async () => {
    const rows = await readBucketedReporters(db, { ...window, platformId: PLATFORM });
    expect(rows.sort((a, b) => a.i - b.i)).toEqual([
      { platformId: PLATFORM, i: 0, reporters: 3 },
      { platformId: PLATFORM, i: 2, reporters: 5 },
    ]);
  });

  test('one académie, every platform; and one platform in one académie', async () => {
    const rows = await readBucketedReporters(db, { ...window, academyId: 'lille' });
    expect(rows.sort((a, b) => a.platformId.localeCompare(b.platformId))).toEqual([
      { platformId: PLATFORM, i: 0, reporters: 3 },
      { platformId: 'pronote', i: 1, reporters: 7 },
    ]);
    expect(await readBucketedReporters(db, { ...window, platformId: PLATFORM, academyId: 'lyon' })).toEqual([{ platformId: PLATFORM, i: 2, reporters: 5 }]);
  });
});

describe('baselines', () => {
  test('the whole platform model, or only one académie’s model out of it', async () => {
    const stored = await readPlatformBaselines(db, PLATFORM);
    expect(Object.keys(stored?.baselines.academies ?? {}).sort()).toEqual(['lille', 'lyon']);
    const lyon = await readAcademyBaselines(db, { academyId: 'lyon', platformIds: [PLATFORM] });
    expect(lyon).toHaveLength(1);
    expect(lyon[0]?.model.academyId).toBe('lyon');
    expect(lyon[0]?.model.rates.length).toBe(createFallbackBaseline('lyon').rates.length);
    expect(await readAcademyBaselines(db, { academyId: 'nice', platformIds: [PLATFORM] })).toEqual([]);
  });
});

describe('listIncidents', () => {
  const since = at(-30);
  const until = at(30);
  test('a platform’s incidents overlapping the window, newest first', async () => {
    const list = await listIncidents(db, { platformId: PLATFORM, since, until, limit: 10 });
    expect(list.map((i) => i.id)).toEqual([ids.dismissed, ids.open, ids.closed]);
    expect(list.find((i) => i.id === ids.closed)).toMatchObject({ platformName: 'EcoleDirecte', national: false, academies: ['lille'], state: 'closed' });
  });

  test('an académie gets its own incidents and the national ones of platforms serving it', async () => {
    const lille = await listIncidents(db, { academyId: 'lille', since, until, limit: 10 });
    expect(lille.map((i) => i.id).sort()).toEqual([ids.open, ids.closed].sort());
    const lyon = await listIncidents(db, { academyId: 'lyon', since, until, limit: 10 });
    expect(lyon.map((i) => i.id).sort()).toEqual([ids.open, ids.dismissed].sort());
  });

  test('incidents ended before `since` are left out, open ones never', async () => {
    const later = await listIncidents(db, { platformId: PLATFORM, since: at(20), until, limit: 10 });
    expect(later.map((i) => i.id)).toEqual([ids.open]);
  });
});

describe('readIncident', () => {
  test('figures, breakdown, common cause and events (moderator ones marked)', async () => {
    const incident = await readIncident(db, ids.closed);
    expect(incident).toMatchObject({
      peakAt: at(3).getTime(),
      peakReporters: 4,
      categoryBreakdown: { login: 6, slow: 2 },
      commonCause: { kind: 'operator', key: 'aplim', platforms: [PLATFORM], academies: ['lille'], since: at(0).getTime() },
      academyJoins: [{ academyId: 'lille', joinedAt: at(0).getTime() }],
    });
    expect(incident?.events.map((e) => [e.kind, e.byModerator])).toEqual([
      ['started', false],
      ['closed', false],
      ['annotated', true],
    ]);
    expect(await readIncident(db, randomUUID())).toBeNull();
  });
});

describe('countCategories', () => {
  test('sums the per-category counters over [from, to) for a platform or an académie', async () => {
    expect(await countCategories(db, { platformId: PLATFORM, from: at(0), to: at(10) })).toEqual({ login: 3, slow: 5 });
    expect(await countCategories(db, { academyId: 'lille', from: at(0), to: at(11) })).toEqual({ login: 12, slow: 7 });
  });
});

describe('listApprovedComments', () => {
  test('only approved comments of visible reports, newest first', async () => {
    const lille = await listApprovedComments(db, { platformId: PLATFORM, academyId: 'lille', limit: 10 });
    expect(lille.map((c) => c.text)).toEqual(['Approuvé']);
    const all = await listApprovedComments(db, { platformId: PLATFORM, before: at(30), limit: 10 });
    expect(all.map((c) => c.text)).toEqual(['Autre académie', 'Approuvé']);
  });
});

describe('listServingPlatforms', () => {
  test('platforms in service serving an académie', async () => {
    const rennes = (await listServingPlatforms(db, 'rennes')).map((p) => p.id);
    expect(rennes).toContain('toutatice');
    expect(rennes).toContain(PLATFORM);
    expect((await listServingPlatforms(db, 'lille')).map((p) => p.id)).not.toContain('toutatice');
  });
});
