import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { insertReportBatch, type NewReportRow } from '@/lib/db/reports';
import { getModerationQueue, hideSource, moderateReport } from '@/lib/moderation/moderate';
import { shortLabel } from '@/lib/ingest/fingerprint';
import { reportRow } from '../../helpers/factories';

const actor = { userId: null, label: 'modo@test.example' };
let minuteOffset = 0;

/** A distinct past minute per test, so that counters of other suites never mix in. */
function freshMinute(): Date {
  minuteOffset += 7;
  return new Date(Date.UTC(2020, 0, 1, 0, 0) + (Math.floor(Math.random() * 500_000) + minuteOffset) * 60_000);
}

function row(over: Partial<NewReportRow> & { createdAt: Date }): NewReportRow {
  return reportRow({ platformId: 'pronote', academyId: 'lille', ...over });
}

async function counter(bucketStart: Date) {
  return getDb().reportCount.findUnique({
    where: { platformId_academyId_bucketStart: { platformId: 'pronote', academyId: 'lille', bucketStart } },
    select: { reports: true, reporters: true },
  });
}

async function auditFor(targetId: string) {
  return getDb().auditLog.findMany({ where: { targetId }, orderBy: { id: 'asc' } });
}

describe('moderateReport', () => {
  test('hiding a counted report decrements its minute counters; restoring counts it again', async () => {
    const minute = freshMinute();
    const [a, b] = [row({ createdAt: minute }), row({ createdAt: new Date(minute.getTime() + 5_000), distinctReporter: false })];
    await insertReportBatch(getDb(), [a, b]);
    expect(await counter(minute)).toEqual({ reports: 2, reporters: 1 });

    await moderateReport(actor, { reportId: a.id, target: 'report', op: 'hide', reason: 'faux signalement' });
    expect(await counter(minute)).toEqual({ reports: 1, reporters: 0 });
    expect(await getDb().report.findFirst({ where: { id: a.id } })).toMatchObject({ moderationState: 'hidden', counted: false, flagReason: 'moderator' });

    await expect(moderateReport(actor, { reportId: a.id, target: 'report', op: 'hide', reason: 'encore' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await counter(minute)).toEqual({ reports: 1, reporters: 0 });

    await moderateReport(actor, { reportId: a.id, target: 'report', op: 'restore' });
    expect(await counter(minute)).toEqual({ reports: 2, reporters: 1 });
    expect(await getDb().report.findFirst({ where: { id: a.id } })).toMatchObject({ moderationState: 'approved', counted: true, flagReason: null });

    const audit = await auditFor(a.id);
    expect(audit.map((r) => r.action)).toEqual(['report.hidden', 'report.restored']);
    expect(audit[0]).toMatchObject({ actorLabel: actor.label, reason: 'faux signalement', targetType: 'report' });
    expect(audit[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('observed time decides the bucket, like ingest', async () => {
    const minute = freshMinute();
    const observed = new Date(minute.getTime() - 3 * 60_000);
    const r = row({ createdAt: minute, observedAt: observed });
    await insertReportBatch(getDb(), [r]);
    expect(await counter(observed)).toEqual({ reports: 1, reporters: 1 });
    await moderateReport(actor, { reportId: r.id, target: 'report', op: 'hide', reason: 'spam' });
    expect(await counter(observed)).toEqual({ reports: 0, reporters: 0 });
  });

  test('a flagged report hidden then restored stays uncounted with its reason', async () => {
    const minute = freshMinute();
    const r = row({ createdAt: minute, counted: false, flagReason: 'flood' });
    await insertReportBatch(getDb(), [r]);
    await moderateReport(actor, { reportId: r.id, target: 'report', op: 'hide', reason: 'vague' });
    await moderateReport(actor, { reportId: r.id, target: 'report', op: 'restore' });
    expect(await getDb().report.findFirst({ where: { id: r.id } })).toMatchObject({ counted: false, flagReason: 'flood' });
    expect(await counter(minute)).toBeNull();
  });

  test('comments are published, hidden and restored; the report still counts', async () => {
    const minute = freshMinute();
    const r = row({ createdAt: minute, comment: 'Pronote ne charge plus' });
    await insertReportBatch(getDb(), [r]);
    await moderateReport(actor, { reportId: r.id, target: 'comment', op: 'approve' });
    await moderateReport(actor, { reportId: r.id, target: 'comment', op: 'hide', reason: 'propos déplacés' });
    await expect(moderateReport(actor, { reportId: r.id, target: 'comment', op: 'approve' })).rejects.toMatchObject({ code: 'conflict' });
    await moderateReport(actor, { reportId: r.id, target: 'comment', op: 'restore' });
    expect(await getDb().report.findFirst({ where: { id: r.id } })).toMatchObject({ commentState: 'approved', counted: true });
    expect((await auditFor(r.id)).map((a) => a.action)).toEqual(['comment.approved', 'comment.hidden', 'comment.restored']);
  });
});

describe('hideSource', () => {
  test('hides every report of one source in one action, counters consistent, audit with the short label only', async () => {
    const minute = freshMinute();
    const fingerprint = randomBytes(32).toString('hex');
    const other = row({ createdAt: minute });
    const rows = [
      row({ createdAt: minute, sourceFingerprint: fingerprint }),
      row({ createdAt: new Date(minute.getTime() + 60_000), sourceFingerprint: fingerprint, distinctReporter: false }),
      row({ createdAt: minute, sourceFingerprint: fingerprint, counted: false, flagReason: 'rate_limited' }),
      other,
    ];
    await insertReportBatch(getDb(), rows);
    expect(await counter(minute)).toEqual({ reports: 2, reporters: 2 });

    const queue = await getModerationQueue();
    expect(JSON.stringify(queue)).not.toContain(fingerprint);
    expect(queue.sources.some((s) => s.source === shortLabel(fingerprint))).toBe(true);

    const result = await hideSource(actor, { reportId: rows[0]!.id, reason: 'robot' });
    expect(result).toEqual({ source: shortLabel(fingerprint), hidden: 3 });
    expect(await counter(minute)).toEqual({ reports: 1, reporters: 1 });
    expect(await counter(new Date(minute.getTime() + 60_000))).toEqual({ reports: 0, reporters: 0 });
    expect(await getDb().report.count({ where: { sourceFingerprint: fingerprint, moderationState: 'hidden' } })).toBe(3);
    expect(await getDb().report.findFirst({ where: { id: other.id } })).toMatchObject({ moderationState: 'visible' });

    const [audit] = await auditFor(shortLabel(fingerprint));
    expect(audit).toMatchObject({ action: 'source.hidden', targetType: 'source', reason: 'robot' });
    expect(JSON.stringify({ ...audit, id: String(audit?.id) })).not.toContain(fingerprint);
    expect(audit?.after).toMatchObject({ hidden: 3, uncounted: 2 });

    expect(await hideSource(actor, { reportId: rows[0]!.id, reason: 'encore' })).toMatchObject({ hidden: 0 });
  });

  test('a purged source cannot be targeted', async () => {
    const r = row({ createdAt: freshMinute(), sourceFingerprint: '' });
    await insertReportBatch(getDb(), [r]);
    await getDb().report.updateMany({ where: { id: r.id }, data: { sourceFingerprint: null } });
    await expect(hideSource(actor, { reportId: r.id, reason: 'robot' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
