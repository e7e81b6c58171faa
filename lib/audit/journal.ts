import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { listAudit, verifyAuditLog, type AuditRow } from '@/lib/db/audit';
import { AUDIT_ACTIONS } from '@/lib/domain/audit';
import type { ChainCheck } from '@/lib/domain/audit-chain';

export const JOURNAL_PAGE = 50;

export const journalQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  targetType: z.string().trim().max(40).optional().catch(undefined),
  targetId: z.string().trim().max(120).optional().catch(undefined),
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
  verify: z.literal('1').optional().catch(undefined),
});

export type JournalQuery = z.infer<typeof journalQuerySchema>;

export type JournalEntry = Omit<AuditRow, 'id'> & { id: string };

/** A page of the audit journal (newest first) and, on request, a full check of the hash chain. */
export async function readJournal(query: JournalQuery): Promise<{ items: JournalEntry[]; nextCursor: string | null; check: ChainCheck | null }> {
  const db = getDb();
  const filter = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
  };
  const [page, check] = await Promise.all([
    listAudit(db, { filter, before: query.before ? BigInt(query.before) : undefined, limit: JOURNAL_PAGE }),
    query.verify ? verifyAuditLog(db) : Promise.resolve(null),
  ]);
  return { items: page.items.map((row) => ({ ...row, id: String(row.id) })), nextCursor: page.nextCursor, check };
}
