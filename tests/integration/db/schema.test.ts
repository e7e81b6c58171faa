import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
afterAll(async () => {
  const incidents = await db.incident.findMany({ where: { platformId: `p-${tag}` }, select: { id: true } });
  const incidentIds = incidents.map((i) => i.id);
  await db.reportArchive.deleteMany({ where: { month: `t-${tag}` } });
  await db.incidentEvent.deleteMany({ where: { incidentId: { in: incidentIds } } });
  await db.incidentAcademy.deleteMany({ where: { incidentId: { in: incidentIds } } });
  await db.incident.deleteMany({ where: { id: { in: incidentIds } } });
  await db.report.deleteMany({ where: { platformId: `p-${tag}` } });
  await db.reportCount.deleteMany({ where: { platformId: `p-${tag}` } });
  await db.reportCategoryCount.deleteMany({ where: { platformId: `p-${tag}` } });
  await db.baseline.deleteMany({ where: { platformId: `p-${tag}` } });
  await db.platformAcademy.deleteMany({ where: { platformId: `p-${tag}` } });
  await db.platform.deleteMany({ where: { id: `p-${tag}` } });
  await db.academyBoundary.deleteMany({ where: { academyId: `a-${tag}` } });
  await db.departement.deleteMany({ where: { academyId: `a-${tag}` } });
  await db.academy.deleteMany({ where: { id: `a-${tag}` } });
  await db.regionAcademique.deleteMany({ where: { id: `r-${tag}` } });
  await db.user.deleteMany({ where: { id: `u-${tag}` } });
  await db.verificationToken.deleteMany({ where: { token: `v-${tag}` } });
  await db.setting.deleteMany({ where: { key: `s-${tag}` } });
  await db.jobLease.deleteMany({ where: { name: `j-${tag}` } });
  await db.moderationAction.deleteMany({ where: { actorLabel: `m-${tag}` } });
  await db.fingerprintKey.deleteMany({ where: { day: `1999-${tag}` } });
  await db.powUsedChallenge.deleteMany({ where: { nonce: `n-${tag}` } });
  await db.powTraffic.deleteMany({ where: { surgeId: `s-${tag}` } });
  await db.powSurge.deleteMany({ where: { id: `s-${tag}` } });
  await db.dossier.deleteMany({ where: { ownerId: `u-${tag}` } });
  await db.incidentNote.deleteMany({ where: { authorId: `u-${tag}` } });
  await db.organisation.deleteMany({ where: { name: `o-${tag}` } });
  await db.$disconnect();
});

const tag = randomUUID().slice(0, 8);
const notifyId = randomUUID();
const webhookId = randomUUID();
const now = new Date('2021-04-06T07:02:00.000Z');

/** One write + read-back per model; the test below fails when a model is added without an entry here. */
const roundTrips: Record<Prisma.ModelName, (c: PrismaClient) => Promise<unknown>> = {
  RegionAcademique: async (c) => {
    await c.regionAcademique.create({ data: { id: `r-${tag}`, name: 'Test', inseeCode: '99' } });
    return c.regionAcademique.findUniqueOrThrow({ where: { id: `r-${tag}` } });
  },
  Academy: async (c) => {
    await c.academy.create({
      data: { id: `a-${tag}`, code: `t${tag}`, name: 'Test', regionId: `r-${tag}`, timeZone: 'Europe/Paris', holidayZone: 'C', labelLon: 2.3, labelLat: 48.8 },
    });
    return c.academy.findUniqueOrThrow({ where: { id: `a-${tag}` }, include: { region: true } });
  },
  Departement: async (c) => {
    await c.departement.create({ data: { code: `d${tag}`, name: 'Test', academyId: `a-${tag}` } });
    return c.departement.findUniqueOrThrow({ where: { code: `d${tag}` } });
  },
  AcademyBoundary: async (c) => {
    const geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    await c.academyBoundary.create({ data: { academyId: `a-${tag}`, geometry, source: 'test', checksum: 'x' } });
    return c.academyBoundary.findUniqueOrThrow({ where: { academyId: `a-${tag}` } });
  },
  Platform: async (c) => {
    await c.platform.create({
      data: { id: `p-${tag}`, name: 'Test', kind: 'ENT', scope: 'regional', levels: ['lycee'], domains: ['x.fr'], aliases: ['t'] },
    });
    return c.platform.findUniqueOrThrow({ where: { id: `p-${tag}` } });
  },
  PlatformAcademy: async (c) => {
    await c.platformAcademy.create({ data: { platformId: `p-${tag}`, academyId: `a-${tag}` } });
    return c.platformAcademy.findUniqueOrThrow({ where: { platformId_academyId: { platformId: `p-${tag}`, academyId: `a-${tag}` } } });
  },
  Report: async (c) => {
    const id = randomUUID();
    await c.report.create({
      data: { id, platformId: `p-${tag}`, academyId: `a-${tag}`, category: 'login', role: 'parent', comment: 'Page blanche', idempotencyKey: `k-${tag}`, sourceFingerprint: 'f', createdAt: now },
    });
    return c.report.findFirstOrThrow({ where: { id } });
  },
  ReportKey: async (c) => c.reportKey.findUniqueOrThrow({ where: { idempotencyKey: `k-${tag}` } }),
  ReportArchive: async (c) => {
    await c.reportArchive.create({
      data: { month: `t-${tag}`, rangeStart: now, rangeEnd: now, file: 'x.csv.gz', rows: 0, bytes: 20n, sha256: '0'.repeat(64) },
    });
    return c.reportArchive.findUniqueOrThrow({ where: { month: `t-${tag}` } });
  },
  ReportCount: async (c) => {
    await c.reportCount.create({ data: { platformId: `p-${tag}`, academyId: `a-${tag}`, bucketStart: now, reports: 2, reporters: 1 } });
    return c.reportCount.findFirstOrThrow({ where: { platformId: `p-${tag}` } });
  },
  ReportCategoryCount: async (c) => {
    await c.reportCategoryCount.create({ data: { platformId: `p-${tag}`, category: 'login', academyId: `a-${tag}`, bucketStart: now, reports: 2, reporters: 1 } });
    return c.reportCategoryCount.findFirstOrThrow({ where: { platformId: `p-${tag}` } });
  },
  Baseline: async (c) => {
    await c.baseline.create({ data: { platformId: `p-${tag}`, academyId: '', model: { slots: [] }, learnedAt: now } });
    return c.baseline.findFirstOrThrow({ where: { platformId: `p-${tag}` } });
  },
  Incident: async (c) => {
    await c.incident.create({ data: { id: tag.padEnd(8, '0') + '-0000-4000-8000-000000000000', platformId: `p-${tag}`, scope: 'national', level: 'detected', startedAt: now } });
    return c.incident.findFirstOrThrow({ where: { platformId: `p-${tag}` } });
  },
  IncidentAcademy: async (c) => {
    const incident = await c.incident.findFirstOrThrow({ where: { platformId: `p-${tag}` } });
    await c.incidentAcademy.create({ data: { incidentId: incident.id, academyId: `a-${tag}`, joinedAt: now, level: 'possible' } });
    return c.incidentAcademy.findFirstOrThrow({ where: { incidentId: incident.id } });
  },
  IncidentEvent: async (c) => {
    const incident = await c.incident.findFirstOrThrow({ where: { platformId: `p-${tag}` } });
    await c.incidentEvent.create({ data: { incidentId: incident.id, at: now, kind: 'opened', data: { reporters: 5 } } });
    return c.incidentEvent.findFirstOrThrow({ where: { incidentId: incident.id } });
  },
  User: async (c) => {
    await c.user.create({ data: { id: `u-${tag}`, email: `${tag}@example.org`, recoveryCodes: ['a'] } });
    return c.user.findUniqueOrThrow({ where: { id: `u-${tag}` } });
  },
  UserRole: async (c) => {
    await c.userRole.create({ data: { userId: `u-${tag}`, role: 'moderator' } });
    return c.userRole.findFirstOrThrow({ where: { userId: `u-${tag}` } });
  },
  Account: async (c) => {
    await c.account.create({ data: { userId: `u-${tag}`, type: 'oidc', provider: 'oidc', providerAccountId: tag } });
    return c.account.findFirstOrThrow({ where: { userId: `u-${tag}` } });
  },
  Session: async (c) => {
    await c.session.create({ data: { sessionToken: `s-${tag}`, userId: `u-${tag}`, expires: now } });
    return c.session.findUniqueOrThrow({ where: { sessionToken: `s-${tag}` } });
  },
  VerificationToken: async (c) => {
    await c.verificationToken.create({ data: { identifier: `${tag}@example.org`, token: `v-${tag}`, expires: now } });
    return c.verificationToken.findUniqueOrThrow({ where: { token: `v-${tag}` } });
  },
  ApiKey: async (c) => {
    await c.apiKey.create({ data: { userId: `u-${tag}`, name: 'k', hash: `h-${tag}`, prefix: 'ep_' } });
    return c.apiKey.findUniqueOrThrow({ where: { hash: `h-${tag}` } });
  },
  AuditLog: async (c) => {
    const row = await c.auditLog.create({ data: { actorLabel: 'test', action: 'test.write', targetType: 'platform', targetId: `p-${tag}`, before: {}, after: { a: 1 } } });
    return c.auditLog.findUniqueOrThrow({ where: { id: row.id } });
  },
  Setting: async (c) => {
    await c.setting.create({ data: { key: `s-${tag}`, value: { on: true } } });
    return c.setting.findUniqueOrThrow({ where: { key: `s-${tag}` } });
  },
  WebhookSubscription: async (c) => {
    await c.webhookSubscription.create({ data: { id: webhookId, ownerId: `u-${tag}`, url: 'https://example.org/hook', secret: 'whsec_x', events: ['opened'], platformIds: ['pronote'] } });
    return c.webhookSubscription.findUniqueOrThrow({ where: { id: webhookId } });
  },
  WebhookDelivery: async (c) => {
    await c.webhookDelivery.create({ data: { id: randomUUID(), subscriptionId: webhookId, incidentEventId: 1n, event: 'opened', payload: { ok: true }, nextAttemptAt: now } });
    return c.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: webhookId } });
  },
  JobLease: async (c) => {
    await c.jobLease.create({ data: { name: `j-${tag}`, tickAt: now, holder: 'test' } });
    return c.jobLease.findUniqueOrThrow({ where: { name: `j-${tag}` } });
  },
  ModerationAction: async (c) => {
    const id = randomUUID();
    await c.moderationAction.create({ data: { id, actorLabel: `m-${tag}`, scope: 'group', fromState: 'pending', toState: 'approved', reportIds: [randomUUID()], summary: 'test' } });
    return c.moderationAction.findUniqueOrThrow({ where: { id } });
  },
  FingerprintKey: async (c) => {
    await c.fingerprintKey.create({ data: { day: `1999-${tag}`, key: 'ab'.repeat(32) } });
    return c.fingerprintKey.findUniqueOrThrow({ where: { day: `1999-${tag}` } });
  },
  PowUsedChallenge: async (c) => {
    await c.powUsedChallenge.create({ data: { nonce: `n-${tag}`, expiresAt: now } });
    return c.powUsedChallenge.findUniqueOrThrow({ where: { nonce: `n-${tag}` } });
  },
  PowTraffic: async (c) => {
    await c.powTraffic.create({ data: { surgeId: `s-${tag}`, bucketStart: now, count: 1 } });
    return c.powTraffic.findFirstOrThrow({ where: { surgeId: `s-${tag}` } });
  },
  PowSurge: async (c) => {
    await c.powSurge.create({ data: { id: `s-${tag}`, state: { active: false } } });
    return c.powSurge.findUniqueOrThrow({ where: { id: `s-${tag}` } });
  },
  ExceptionalDay: async (c) => {
    const row = await c.exceptionalDay.create({ data: { date: '2099-01-05', scope: `test-${tag}`, factor: 1.5, label: 'grève' } });
    return c.exceptionalDay.findUniqueOrThrow({ where: { id: row.id } });
  },
  Organisation: async (c) => {
    await c.organisation.create({ data: { name: `o-${tag}` } });
    return c.organisation.findUniqueOrThrow({ where: { name: `o-${tag}` } });
  },
  OrganisationMember: async (c) => {
    const org = await c.organisation.findUniqueOrThrow({ where: { name: `o-${tag}` } });
    await c.organisationMember.create({ data: { userId: `u-${tag}`, organisationId: org.id } });
    return c.organisationMember.findUniqueOrThrow({ where: { userId: `u-${tag}` } });
  },
  LedgerEntry: async (c) => {
    const row = await c.ledgerEntry.create({ data: { day: now, at: now, kind: 'test', refId: `t-${tag}`, body: '{}', hash: 'x' } });
    return c.ledgerEntry.findUniqueOrThrow({ where: { seq: row.seq } });
  },
  LedgerDigest: async (c) => {
    const row = await c.ledgerDigest.create({ data: { day: now, final: false, entryCount: 0, lastSeq: 0, root: 'r', body: '{}', hash: `h-${tag}`, signature: 's' } });
    return c.ledgerDigest.findUniqueOrThrow({ where: { id: row.id } });
  },
  LedgerSeal: async (c) => {
    const day = new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 10_000) * 86_400_000);
    await c.ledgerSeal.create({ data: { day, lastSeq: 0 } });
    return c.ledgerSeal.findUniqueOrThrow({ where: { day } });
  },
  Dossier: async (c) => {
    const id = randomUUID();
    await c.dossier.create({ data: { id, ownerId: `u-${tag}`, title: 'Test', filters: {} } });
    return c.dossier.findUniqueOrThrow({ where: { id } });
  },
  IncidentNote: async (c) => {
    const row = await c.incidentNote.create({ data: { organisationId: 'o', incidentId: randomUUID(), authorId: `u-${tag}`, body: 'note' } });
    return c.incidentNote.findUniqueOrThrow({ where: { id: row.id } });
  },
  NotifySubscription: async (c) => {
    await c.notifySubscription.create({ data: { id: notifyId, platformId: 'pronote', locale: 'fr', channel: 'email', email: `n-${tag}@example.org`, unsubscribeToken: `u-${tag}`, lastNotifiedAt: now } });
    return c.notifySubscription.findUniqueOrThrow({ where: { id: notifyId } });
  },
  NotifyMessage: async (c) => {
    await c.notifyMessage.create({ data: { subscriptionId: notifyId, incidentId: randomUUID(), state: 'down' } });
    return c.notifyMessage.findFirstOrThrow({ where: { subscriptionId: notifyId } });
  },
  DossierChunk: async (c) => {
    const id = randomUUID();
    await c.dossier.create({ data: { id, ownerId: `u-${tag}`, title: 'Chunk', filters: {} } });
    await c.dossierChunk.create({ data: { dossierId: id, seq: 0, data: new Uint8Array([80, 75]) } });
    return c.dossierChunk.findUniqueOrThrow({ where: { dossierId_seq: { dossierId: id, seq: 0 } } });
  },
};

describe('prisma schema vs migrated database', () => {
  test('every model of the Prisma schema has a round trip below', () => {
    expect(Object.keys(roundTrips).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  test('every model is writable and readable through the generated client', async () => {
    for (const [model, roundTrip] of Object.entries(roundTrips)) {
      const row = await roundTrip(db);
      expect(row, model).toBeTruthy();
    }
    const report = await db.report.findFirstOrThrow({ where: { idempotencyKey: `k-${tag}` } });
    expect(report.createdAt.toISOString()).toBe(now.toISOString());
    expect(report.counted).toBe(true);
    expect(report.moderationState).toBe('visible');
  });

  test('a duplicate idempotency key is refused by the database', async () => {
    await expect(
      db.report.create({
        data: { id: randomUUID(), platformId: `p-${tag}`, academyId: `a-${tag}`, category: 'login', idempotencyKey: `k-${tag}` },
      }),
    ).rejects.toThrow();
  });
});
