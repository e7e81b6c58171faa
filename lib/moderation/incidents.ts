import 'server-only';
import type { AuditActor } from '@/lib/domain/audit';
import { appendAudit, type Tx } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { readNames } from '@/lib/db/dashboard';
import { buildTimeline } from '@/lib/dashboard/incident-timeline';
import { formatDateTime } from '@/lib/domain/format';
import {
  addIncidentEvent,
  countIncidentReports,
  dismissIncidentRow,
  listIncidentsForModeration,
  lockIncidents,
  saveMerge,
  saveSplit,
} from '@/lib/db/moderation';
import { AppError } from '@/lib/http/errors';
import { uuidv7 } from '@/lib/domain/uuid';
import { ACTIVE_STATES, planMerge, planSplit, type IncidentFacts } from './incident-plan';
import { INCIDENT_LEVEL_LABELS, INCIDENT_STATE_LABELS, incidentSentence } from './incident-sentences';
import type { IncidentModerationInput } from './schema';

export type IncidentView = Awaited<ReturnType<typeof listIncidentsForModeration>>[number] & {
  platformName: string;
  stateLabel: string;
  levelLabel: string;
  period: string;
  academyNames: Array<{ id: string; name: string }>;
  story: string[];
};

/** Incidents as moderators read them: names, Paris times and the timeline told in sentences, newest event first. */
export async function listIncidents(limit = 50): Promise<IncidentView[]> {
  const [rows, names] = await Promise.all([listIncidentsForModeration(getDb(), limit), readNames(getDb())]);
  const academyName = (id: string) => names.academies[id]?.name ?? id;
  return rows.map((incident) => {
    const startedAt = incident.startedAt.getTime();
    const events = incident.events.map((e) => ({ at: e.at.getTime(), kind: e.kind, data: e.data, byModerator: e.actorId !== null }));
    const peak = incident.peakAt ? { at: incident.peakAt.getTime(), reporters: incident.peakReporters } : null;
    const story = buildTimeline({ events, startedAt, peak }).map((item) => incidentSentence(item, { academyName, startedAt })).reverse();
    const end = incident.endedAt ? `au ${formatDateTime(incident.endedAt)}` : 'toujours en cours';
    return {
      ...incident,
      platformName: incident.platform.name,
      stateLabel: INCIDENT_STATE_LABELS[incident.state] ?? incident.state,
      levelLabel: INCIDENT_LEVEL_LABELS[incident.level] ?? incident.level,
      period: `Du ${formatDateTime(incident.startedAt)} ${end}`,
      academyNames: incident.academies.map((a) => ({ id: a.academyId, name: academyName(a.academyId) })),
      story,
    };
  });
}

function summary(incident: IncidentFacts) {
  return {
    state: incident.state,
    startedAt: incident.startedAt.toISOString(),
    endedAt: incident.endedAt?.toISOString() ?? null,
    reportCount: incident.reportCount,
    academies: incident.academies.map((a) => a.academyId).sort(),
  };
}

function found(rows: IncidentFacts[], id: string): IncidentFacts {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('not_found', 'Incident introuvable.');
  return row;
}

type Context = { tx: Tx; actor: AuditActor; incident: IncidentFacts; rows: IncidentFacts[]; now: Date };
type Op<K extends IncidentModerationInput['op']> = Extract<IncidentModerationInput, { op: K }>;

function eventOf(ctx: Context, incidentId = ctx.incident.id) {
  return { incidentId, actorId: ctx.actor.userId, at: ctx.now };
}

function auditOf(ctx: Context) {
  return { actor: ctx.actor, targetType: 'incident', targetId: ctx.incident.id, before: summary(ctx.incident) };
}

async function annotate(ctx: Context, input: Op<'annotate'>): Promise<void> {
  await addIncidentEvent(ctx.tx, { ...eventOf(ctx), kind: 'annotated', data: { note: input.note } });
  await appendAudit(ctx.tx, { ...auditOf(ctx), action: 'incident.annotated', before: undefined, after: { note: input.note } }, ctx.now);
}

async function dismiss(ctx: Context, input: Op<'dismiss'>): Promise<void> {
  if (!ACTIVE_STATES.includes(ctx.incident.state)) throw new AppError('conflict', 'Cet incident est déjà écarté ou fusionné.');
  await dismissIncidentRow(ctx.tx, { id: ctx.incident.id, reason: input.reason });
  await addIncidentEvent(ctx.tx, { ...eventOf(ctx), kind: 'dismissed', data: { reason: input.reason, previousState: ctx.incident.state } });
  await appendAudit(ctx.tx, { ...auditOf(ctx), action: 'incident.dismissed', after: { state: 'dismissed' }, reason: input.reason }, ctx.now);
}

async function merge(ctx: Context, input: Op<'merge'>): Promise<void> {
  const into = found(ctx.rows, input.intoId);
  const plan = planMerge(ctx.incident, into);
  if (typeof plan === 'string') throw new AppError('conflict', plan);
  await saveMerge(ctx.tx, { sourceId: ctx.incident.id, intoId: into.id, plan });
  await addIncidentEvent(ctx.tx, { ...eventOf(ctx), kind: 'merged', data: { into: into.id } });
  await addIncidentEvent(ctx.tx, { ...eventOf(ctx, into.id), kind: 'merged', data: { from: ctx.incident.id } });
  await appendAudit(ctx.tx, { ...auditOf(ctx), action: 'incident.merged', after: { state: 'merged', mergedInto: into.id }, reason: input.reason ?? null }, ctx.now);
}

async function split(ctx: Context, input: Op<'split'>): Promise<string> {
  const { incident, now } = ctx;
  const plan = planSplit(incident, input.academies);
  if (typeof plan === 'string') throw new AppError('conflict', plan);
  const newId = uuidv7(now.getTime());
  const academies = plan.moved.map((a) => a.academyId);
  const moved = await countIncidentReports(ctx.tx, { platformId: incident.platformId, academyIds: academies, from: plan.startedAt, to: incident.endedAt ?? now });
  await saveSplit(ctx.tx, { incident, plan, newId, moved });
  await addIncidentEvent(ctx.tx, { ...eventOf(ctx), kind: 'split', data: { into: newId, academies } });
  await addIncidentEvent(ctx.tx, { ...eventOf(ctx, newId), kind: 'split', data: { from: incident.id } });
  await appendAudit(ctx.tx, { ...auditOf(ctx), action: 'incident.split', after: { newIncident: newId, academies, movedReports: moved.reports }, reason: input.reason ?? null }, now);
  return newId;
}

/**
 * Annotate, dismiss (kept in history with its reason), merge into another incident of the same
 * platform, or split some académies off. Timeline event and audit row in the same transaction.
 */
export async function moderateIncident(actor: AuditActor, input: IncidentModerationInput, now = new Date()): Promise<{ newIncidentId?: string }> {
  return getDb().$transaction(async (tx) => {
    const rows = await lockIncidents(tx, input.op === 'merge' ? [input.incidentId, input.intoId] : [input.incidentId]);
    const ctx: Context = { tx, actor, incident: found(rows, input.incidentId), rows, now };
    if (input.op === 'annotate') await annotate(ctx, input);
    else if (input.op === 'dismiss') await dismiss(ctx, input);
    else if (input.op === 'merge') await merge(ctx, input);
    else return { newIncidentId: await split(ctx, input) };
    return {};
  });
}
