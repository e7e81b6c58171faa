import { describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { uuidv7 } from '@/lib/domain/uuid';
import { moderateIncident } from '@/lib/moderation/incidents';

const actor = { userId: 'modo-id', label: 'modo@test.example' };
const t = (h: number) => new Date(Date.UTC(2019, 5, 3, h));

async function createIncident(opts: { academies: string[]; start: number; end: number | null; reports?: number; platformId?: string }): Promise<string> {
  const id = uuidv7(Date.now() + Math.floor(Math.random() * 1000));
  await getDb().incident.create({
    data: {
      id,
      platformId: opts.platformId ?? 'pronote',
      scope: 'academies',
      level: 'detected',
      state: opts.end === null ? 'open' : 'closed',
      startedAt: t(opts.start),
      endedAt: opts.end === null ? null : t(opts.end),
      reportCount: opts.reports ?? 10,
      reporterCount: opts.reports ?? 10,
      categoryBreakdown: { login: opts.reports ?? 10 },
      academies: { create: opts.academies.map((academyId, i) => ({ academyId, joinedAt: t(opts.start + i), level: 'detected' })) },
    },
  });
  return id;
}

async function events(id: string) {
  return (await getDb().incidentEvent.findMany({ where: { incidentId: id }, orderBy: { id: 'asc' } })).map((e) => ({ kind: e.kind, data: e.data, actorId: e.actorId }));
}

async function auditActions(id: string) {
  return (await getDb().auditLog.findMany({ where: { targetType: 'incident', targetId: id }, orderBy: { id: 'asc' } })).map((a) => a.action);
}

describe('moderateIncident', () => {
  test('annotate adds a timeline note and an audit row', async () => {
    const id = await createIncident({ academies: ['lille'], start: 8, end: 10 });
    await moderateIncident(actor, { op: 'annotate', incidentId: id, note: 'Confirmé par le rectorat.' });
    expect(await events(id)).toEqual([{ kind: 'annotated', data: { note: 'Confirmé par le rectorat.' }, actorId: 'modo-id' }]);
    expect(await auditActions(id)).toEqual(['incident.annotated']);
  });

  test('a dismissed incident stays in history with its reason and cannot be dismissed twice', async () => {
    const id = await createIncident({ academies: ['lille'], start: 8, end: 9 });
    await moderateIncident(actor, { op: 'dismiss', incidentId: id, reason: 'Test de charge annoncé' });
    expect(await getDb().incident.findUnique({ where: { id } })).toMatchObject({ state: 'dismissed', dismissedReason: 'Test de charge annoncé' });
    expect((await events(id))[0]).toMatchObject({ kind: 'dismissed', data: { reason: 'Test de charge annoncé', previousState: 'closed' } });
    await expect(moderateIncident(actor, { op: 'dismiss', incidentId: id, reason: 'encore' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await auditActions(id)).toEqual(['incident.dismissed']);
  });

  test('merge folds one incident into another of the same platform', async () => {
    const into = await createIncident({ academies: ['lille'], start: 9, end: 11, reports: 20 });
    const source = await createIncident({ academies: ['amiens', 'lille'], start: 8, end: null, reports: 5 });
    await moderateIncident(actor, { op: 'merge', incidentId: source, intoId: into });
    const merged = await getDb().incident.findUnique({ where: { id: into }, include: { academies: true } });
    expect(merged).toMatchObject({ state: 'open', startedAt: t(8), endedAt: null, reportCount: 25 });
    expect(merged?.academies.map((a) => a.academyId).sort()).toEqual(['amiens', 'lille']);
    expect(await getDb().incident.findUnique({ where: { id: source } })).toMatchObject({ state: 'merged', mergedIntoId: into });
    expect((await events(into))[0]).toMatchObject({ kind: 'merged', data: { from: source } });
    expect(await auditActions(source)).toEqual(['incident.merged']);
    await expect(moderateIncident(actor, { op: 'merge', incidentId: source, intoId: into })).rejects.toMatchObject({ code: 'conflict' });
  });

  test('merging incidents of two platforms is refused', async () => {
    const a = await createIncident({ academies: ['lille'], start: 8, end: 9 });
    const b = await createIncident({ academies: ['lille'], start: 8, end: 9, platformId: 'educonnect' });
    await expect(moderateIncident(actor, { op: 'merge', incidentId: a, intoId: b })).rejects.toMatchObject({ code: 'conflict' });
    expect(await auditActions(a)).toEqual([]);
  });

  test('split moves académies to a new incident, both timelines record it', async () => {
    const id = await createIncident({ academies: ['lille', 'amiens', 'reims'], start: 8, end: 12 });
    const { newIncidentId } = await moderateIncident(actor, { op: 'split', incidentId: id, academies: ['reims'] });
    expect(newIncidentId).toBeDefined();
    const [original, created] = await Promise.all([
      getDb().incident.findUnique({ where: { id }, include: { academies: true } }),
      getDb().incident.findUnique({ where: { id: newIncidentId! }, include: { academies: true } }),
    ]);
    expect(original?.academies.map((a) => a.academyId).sort()).toEqual(['amiens', 'lille']);
    expect(created).toMatchObject({ platformId: 'pronote', state: 'closed', startedAt: t(10), endedAt: t(12) });
    expect(created?.academies.map((a) => a.academyId)).toEqual(['reims']);
    expect((await events(newIncidentId!))[0]).toMatchObject({ kind: 'split', data: { from: id } });
    expect(await auditActions(id)).toEqual(['incident.split']);
    await expect(moderateIncident(actor, { op: 'split', incidentId: id, academies: ['lille', 'amiens'] })).rejects.toMatchObject({ code: 'conflict' });
  });

  test('unknown incidents answer not_found', async () => {
    await expect(moderateIncident(actor, { op: 'annotate', incidentId: uuidv7(), note: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
