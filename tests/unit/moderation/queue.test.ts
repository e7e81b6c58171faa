import { describe, expect, test } from 'vitest';
import { toQueueItem } from '@/lib/moderation/queue';
import { incidentModerationSchema, reportModerationSchema } from '@/lib/moderation/schema';

const fingerprint = 'a1b2c3'.padEnd(64, 'f');

describe('toQueueItem', () => {
  test('shows the source only as its short label and names the flag', () => {
    const item = toQueueItem({
      id: 'r', createdAt: new Date(), platformId: 'pronote', academyId: 'lille', category: 'login', comment: 'x',
      commentState: 'pending', moderationState: 'visible', counted: false, flagReason: 'flood', sourceFingerprint: fingerprint,
    });
    expect(item.source).toBe('S-A1B2C3');
    expect(JSON.stringify(item)).not.toContain(fingerprint);
    expect(item.flagLabel).toMatch(/Vague/);
  });
});

describe('moderation schemas', () => {
  const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

  test('hiding needs a reason; approving does not', () => {
    expect(reportModerationSchema.safeParse({ reportId: id, target: 'report', op: 'hide' }).success).toBe(false);
    expect(reportModerationSchema.safeParse({ reportId: id, target: 'report', op: 'hide', reason: 'spam' }).success).toBe(true);
    expect(reportModerationSchema.safeParse({ reportId: id, target: 'comment', op: 'approve' }).success).toBe(true);
  });

  test('split takes one or several académies from a form', () => {
    const one = incidentModerationSchema.parse({ op: 'split', incidentId: id, academies: 'lille' });
    expect(one.op === 'split' && one.academies).toEqual(['lille']);
    expect(incidentModerationSchema.safeParse({ op: 'dismiss', incidentId: id }).success).toBe(false);
  });
});
