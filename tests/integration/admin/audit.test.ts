import { describe, expect, test } from 'vitest';
import { verifyAuditChain } from '@/lib/domain/audit-chain';
import { appendAudit, listAudit, verifyAuditLog } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';

describe('audit log', () => {
  test('rows appended in transactions form a verifiable hash chain', async () => {
    const db = getDb();
    const start = new Date();
    const targetId = `chain-${Date.now()}`;
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        db.$transaction((tx) =>
          appendAudit(tx, { actor: { userId: null, label: 'test' }, action: 'platform.updated', targetType: 'test', targetId, after: { n, at: start } }, new Date(start.getTime() + n)),
        ),
      ),
    );
    const rows = await db.auditLog.findMany({ where: { targetId }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(4);
    const first = rows[0]!;
    const previous = await db.auditLog.findFirst({ where: { id: { lt: first.id }, hash: { not: null } }, orderBy: { id: 'desc' } });
    const check = verifyAuditChain(
      rows.map((r) => ({ ...r, before: r.before as null, after: r.after as { n: number } })),
      previous?.hash ?? null,
    );
    expect(check).toMatchObject({ ok: true, checked: 4 });
    const page = await listAudit(db, { filter: { targetId }, limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).not.toBeNull();
  });

  test('the whole journal verifies, and a rolled-back change leaves no row', async () => {
    const targetId = `rollback-${Date.now()}`;
    await expect(
      getDb().$transaction(async (tx) => {
        await appendAudit(tx, { actor: { userId: null, label: 'test' }, action: 'platform.updated', targetType: 'test', targetId }, new Date());
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await getDb().auditLog.count({ where: { targetId } })).toBe(0);
    expect(await verifyAuditLog(getDb())).toMatchObject({ ok: true });
  });

  test('rows cannot be rewritten (database trigger)', async () => {
    const row = await getDb().auditLog.findFirst({ where: { hash: { not: null } } });
    await expect(getDb().auditLog.update({ where: { id: row!.id }, data: { reason: 'falsifié' } })).rejects.toThrow();
  });
});
