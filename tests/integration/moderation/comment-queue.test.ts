import { describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { insertReportBatch, type NewReportRow } from '@/lib/db/reports';
import { moderateComments, undoModeration } from '@/lib/moderation/comment-actions';
import { AGGREGATES_TTL_MS, getCommentQueue } from '@/lib/moderation/comment-queue';
import { queueQuerySchema } from '@/lib/moderation/queue-schema';
import { reportRow } from '../../helpers/factories';

const alice = { userId: 'modo-alice', label: 'alice@test.example' };
const bob = { userId: 'modo-bob', label: 'bob@test.example' };

/** A random past hour of 2018 per suite run: queues read "the last hour" before it, so other suites never mix in. */
function freshHour(): Date {
  return new Date(Date.UTC(2018, 0, 1) + Math.floor(Math.random() * 8000) * 3_600_000);
}

const SENTENCES = ['Pronote ne marche pas !!!', 'pronote NE MARCHE PAS', 'Pronote ne marche pa', 'La visio coupe tout le temps', 'la visio coupe tout le temps.'];

/** 45 "Pronote…" variants, 12 "visio…" and 3 single comments, one second apart within the hour after `start`. */
async function seedQueue(start: Date, academyId = 'lille'): Promise<NewReportRow[]> {
  const rows: NewReportRow[] = [];
  for (let i = 0; i < 60; i += 1) {
    const comment = i < 45 ? (SENTENCES[i % 3] as string) : i < 57 ? (SENTENCES[3 + (i % 2)] as string) : (['Les notes du trimestre ont disparu', 'Mon fils ne reçoit plus les devoirs', 'Écran blanc sur la tablette'][i - 57] as string);
    rows.push(reportRow({ platformId: 'pronote', academyId, createdAt: new Date(start.getTime() + i * 1000), comment, role: i % 2 ? 'parent' : 'pupil' }));
  }
  await insertReportBatch(getDb(), rows);
  return rows;
}

function query(over: Record<string, string> = {}) {
  return queueQuerySchema.parse({ periode: 'heure', ...over });
}

describe('getCommentQueue', () => {
  test('newest first, keyset paging without overlap, oldest first on demand', async () => {
    const start = freshHour();
    const rows = await seedQueue(start);
    const now = new Date(start.getTime() + 3_000_000);
    const first = await getCommentQueue({ query: query(), now });
    expect(first.total).toBe(60);
    expect(first.items).toHaveLength(50);
    expect(first.items[0]?.id).toBe(rows[59]?.id);
    expect(first.nextCursor).not.toBeNull();
    const second = await getCommentQueue({ query: query({ apres: first.nextCursor ?? '' }), now });
    expect(second.items.map((i) => i.id)).toEqual(rows.slice(0, 10).reverse().map((r) => r.id));
    expect(second.nextCursor).toBeNull();
    const oldest = await getCommentQueue({ query: query({ ordre: 'ancien' }), now });
    expect(oldest.items[0]?.id).toBe(rows[0]?.id);
  });

  test('groups near-identical comments with their size, and shows names, labels and Paris times', async () => {
    const start = freshHour();
    await seedQueue(start);
    const queue = await getCommentQueue({ query: query(), now: new Date(start.getTime() + 3_000_000) });
    expect(queue.groups.map((g) => g.count)).toEqual([45, 12]);
    const stored = await getDb().report.findMany({ where: { comment: { in: SENTENCES.slice(0, 2) } }, select: { commentKey: true }, take: 5 });
    expect(new Set(stored.map((r) => r.commentKey)), 'ingest writes the group key').toEqual(new Set(['pronote ne marche pas']));
    expect(queue.groups[0]?.keys.length).toBeGreaterThanOrEqual(2);
    const item = queue.items.find((i) => i.comment.startsWith('Pronote'));
    expect(item).toMatchObject({ platform: 'PRONOTE', academy: 'Lille', category: 'Impossible de se connecter', groupSize: 45 });
    expect(item?.at).toMatch(/ à \d\d:\d\d$/);
    expect(queue.facets.academy).toEqual([{ value: 'lille', label: 'Lille', count: 60 }]);
    expect(queue.facets.role.map((r) => [r.label, r.count])).toEqual([['Élève', 30], ['Parent', 30]]);
  });

  test('a filter narrows the page, and each facet is counted under the other filters', async () => {
    const start = freshHour();
    await seedQueue(start);
    const queue = await getCommentQueue({ query: query({ role: 'parent' }), now: new Date(start.getTime() + 3_000_000) });
    expect(queue.total).toBe(30);
    expect(queue.items.every((i) => i.role === 'Parent')).toBe(true);
    expect(queue.facets.role.map((r) => r.count).sort()).toEqual([30, 30]);
    expect(queue.facets.platform).toEqual([{ value: 'pronote', label: 'PRONOTE', count: 30 }]);
  });
});

describe('queue counts', () => {
  test('are served from the previous period while recomputed, the list stays fresh, and an action makes them exact', async () => {
    const start = freshHour();
    await seedQueue(start);
    const now = new Date(start.getTime() + 3_000_000);
    expect((await getCommentQueue({ query: query(), now })).total).toBe(60);
    const late = Array.from({ length: 5 }, (_, i) => reportRow({ platformId: 'pronote', academyId: 'lille', createdAt: new Date(start.getTime() + 100_000 + i), comment: 'Écran noir' }));
    await insertReportBatch(getDb(), late);
    const next = new Date(now.getTime() + AGGREGATES_TTL_MS);
    const stale = await getCommentQueue({ query: query(), now: next });
    expect(stale.total, 'last period\'s counts while they are recomputed').toBe(60);
    expect(stale.items.filter((i) => i.comment === 'Écran noir')).toHaveLength(5);
    expect((await getCommentQueue({ query: query(), now: next })).total).toBe(65);
    await moderateComments({ userId: 'modo-carol', label: 'carol@test.example' }, { scope: 'one', op: 'hide', reportId: late[0]?.id ?? '' }, next);
    const after = new Date(next.getTime() + AGGREGATES_TTL_MS);
    expect((await getCommentQueue({ query: query(), now: after })).total, 'exact after an action').toBe(64);
  });
});

describe('moderateComments', () => {
  test('a group is published in one action, audited once with every report listed, then undone', async () => {
    const start = freshHour();
    await seedQueue(start);
    const now = new Date(start.getTime() + 3_000_000);
    const queue = await getCommentQueue({ query: query(), now });
    const group = queue.groups[0]!;
    const result = await moderateComments(alice, { scope: 'group', op: 'approve', keys: group.keys, expected: group.count, asOf: now, periode: 'heure' }, now);
    expect(result).toMatchObject({ changed: 45, skipped: 0 });
    const audit = await getDb().auditLog.findMany({ where: { targetId: result.actionId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'comments.approved' });
    expect((audit[0]?.after as { reportIds: string[] }).reportIds).toHaveLength(45);
    expect((await getCommentQueue({ query: query(), now })).total).toBe(15);

    const undone = await undoModeration(alice, { actionId: result.actionId }, now);
    expect(undone.reverted).toBe(45);
    expect((await getCommentQueue({ query: query(), now })).total).toBe(60);
    await expect(undoModeration(alice, { actionId: result.actionId }, now)).rejects.toMatchObject({ code: 'conflict' });
  });

  test('two moderators acting at once never handle the same comment twice', async () => {
    const start = freshHour();
    const rows = await seedQueue(start);
    const now = new Date(start.getTime() + 3_000_000);
    const group = (await getCommentQueue({ query: query(), now })).groups[1]!;
    const input = { scope: 'group' as const, op: 'hide' as const, keys: group.keys, expected: group.count, asOf: now, periode: 'heure' as const };
    const outcomes = await Promise.allSettled([moderateComments(alice, input, now), moderateComments(bob, input, now)]);
    const done = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.changed] : []));
    expect(done.reduce((a, b) => a + b, 0)).toBe(12);

    const single = rows[0]!.id;
    await moderateComments(alice, { scope: 'one', op: 'approve', reportId: single }, now);
    await expect(moderateComments(bob, { scope: 'one', op: 'hide', reportId: single }, now)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('publié par alice@test.example'),
    });
  });

  test('a selection skips what another moderator handled and says so; a source action stops at the page time', async () => {
    const start = freshHour();
    const rows = await seedQueue(start);
    const now = new Date(start.getTime() + 3_000_000);
    await moderateComments(bob, { scope: 'one', op: 'approve', reportId: rows[1]!.id }, now);
    const result = await moderateComments(alice, { scope: 'selection', op: 'hide', reportIds: [rows[1]!.id, rows[2]!.id, rows[3]!.id] }, now);
    expect(result).toMatchObject({ changed: 2, skipped: 1 });
    expect(result.message).toContain('1 avaient déjà été traités');

    const source = rows[10]!;
    await getDb().report.updateMany({ where: { id: { in: [rows[11]!.id, rows[12]!.id] } }, data: { sourceFingerprint: source.sourceFingerprint } });
    const bySource = await moderateComments(alice, { scope: 'source', op: 'hide', reportId: source.id, asOf: new Date(start.getTime() + 11_500) }, now);
    expect(bySource.changed).toBe(2);
  });
});
