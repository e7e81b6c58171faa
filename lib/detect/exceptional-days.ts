import 'server-only';
import type { AuditActor } from '@/lib/domain/audit';
import { appendAudit } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { deleteExceptionalDay, listExceptionalDays, upsertExceptionalDay, type ExceptionalDayRecord } from '@/lib/db/exceptional-days';
import { AppError } from '@/lib/http/errors';
import type { ExceptionalDayInput } from './exceptional-day-schema';

const DAY_MS = 86_400_000;

/** Declared days from yesterday on (the admin page's list). */
export async function listUpcomingExceptionalDays(now = new Date()): Promise<ExceptionalDayRecord[]> {
  const from = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  return listExceptionalDays(getDb(), { from, to: '9999-12-31' });
}

/** Declares (or re-declares) a day and audits the values before and after. */
export async function declareExceptionalDay(actor: AuditActor, input: ExceptionalDayInput, now = new Date()): Promise<ExceptionalDayRecord> {
  return getDb().$transaction(async (tx) => {
    const { before, after } = await upsertExceptionalDay(tx, input);
    await appendAudit(tx, { actor, action: 'exceptional_day.declared', targetType: 'exceptional_day', targetId: after.id, before, after }, now);
    return after;
  });
}

export async function removeExceptionalDay(actor: AuditActor, id: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const removed = await deleteExceptionalDay(tx, id);
    if (!removed) throw new AppError('not_found', 'Ce jour exceptionnel n’existe plus.');
    await appendAudit(tx, { actor, action: 'exceptional_day.removed', targetType: 'exceptional_day', targetId: id, before: removed, after: null }, now);
  });
}
