import { afterAll, describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { listExceptionalDays } from '@/lib/db/exceptional-days';
import { toDeclaredDays } from '@/lib/detect/day-factor';
import { declareExceptionalDay, listUpcomingExceptionalDays, removeExceptionalDay } from '@/lib/detect/exceptional-days';

const ACTOR = { userId: null, label: 'exceptional days test' };
const DATE = '2098-06-15';

afterAll(async () => {
  await getDb().exceptionalDay.deleteMany({ where: { date: DATE } });
});

async function auditRows() {
  return getDb().auditLog.findMany({ where: { actorLabel: ACTOR.label }, orderBy: { id: 'asc' } });
}

describe('exceptional days', () => {
  test('a declaration is stored, re-declaring the same day and scope replaces it, removal is audited too', async () => {
    const now = new Date('2098-06-10T08:00:00Z');
    const first = await declareExceptionalDay(ACTOR, { date: DATE, scope: 'national', factor: 0.5, label: 'Grève nationale' }, now);
    const again = await declareExceptionalDay(ACTOR, { date: DATE, scope: 'national', factor: 0.6, label: 'Grève nationale (révisé)' }, now);
    expect(again.id).toBe(first.id);
    await declareExceptionalDay(ACTOR, { date: DATE, scope: 'lyon', factor: 1.8, label: 'Examens' }, now);
    const stored = await listExceptionalDays(getDb(), { from: DATE, to: DATE });
    expect(toDeclaredDays(stored)).toEqual([
      { date: DATE, academyId: 'lyon', factor: 1.8 },
      { date: DATE, academyId: null, factor: 0.6 },
    ]);
    expect((await listUpcomingExceptionalDays(now)).map((d) => d.scope)).toEqual(expect.arrayContaining(['national', 'lyon']));
    await removeExceptionalDay(ACTOR, first.id, now);
    const rows = await auditRows();
    expect(rows.map((r) => r.action)).toEqual(['exceptional_day.declared', 'exceptional_day.declared', 'exceptional_day.declared', 'exceptional_day.removed']);
    expect(rows[1]).toMatchObject({ targetType: 'exceptional_day', targetId: first.id, before: { factor: 0.5 }, after: { factor: 0.6 } });
    expect(rows[3]).toMatchObject({ before: { factor: 0.6, scope: 'national' }, after: null });
  });

  test('removing a day that no longer exists is a clear not_found, and writes nothing', async () => {
    const count = (await auditRows()).length;
    await expect(removeExceptionalDay(ACTOR, '01900000-0000-7000-8000-00000000beef')).rejects.toMatchObject({ code: 'not_found' });
    expect((await auditRows()).length).toBe(count);
  });
});
