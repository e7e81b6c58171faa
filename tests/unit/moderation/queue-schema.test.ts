import { describe, expect, test } from 'vitest';
import { commentActionSchema, filterOf, queueQuerySchema } from '@/lib/moderation/queue-schema';

const ID = '01900000-0000-7000-8000-000000000000';

describe('queueQuerySchema', () => {
  test('defaults to newest first over every period; empty fields are no filter', () => {
    expect(queueQuerySchema.parse({ service: '', role: '' })).toEqual({ periode: 'tout', ordre: 'recent' });
  });

  test.each([{ ordre: 'hasard' }, { categorie: 'inconnue' }, { service: 'x; DROP TABLE' }, { apres: 'a/b' }])('refuses %j', (query) => {
    expect(queueQuerySchema.safeParse(query).success).toBe(false);
  });
});

describe('filterOf', () => {
  test('a period becomes an absolute window ending now', () => {
    const now = new Date('2021-04-06T08:00:00Z');
    expect(filterOf(queueQuerySchema.parse({ periode: 'heure', service: 'pronote' }), now)).toMatchObject({
      platformId: 'pronote',
      from: new Date('2021-04-06T07:00:00Z'),
      to: now,
    });
  });
});

describe('commentActionSchema', () => {
  test('a selection holds 1 to 500 comments', () => {
    expect(commentActionSchema.safeParse({ scope: 'selection', op: 'hide', reportIds: ID }).success).toBe(true);
    expect(commentActionSchema.safeParse({ scope: 'selection', op: 'hide', reportIds: [] }).success).toBe(false);
    expect(commentActionSchema.safeParse({ scope: 'selection', op: 'hide', reportIds: Array(501).fill(ID) }).success).toBe(false);
  });

  test('a group action needs its keys, the size the moderator saw and the page time', () => {
    expect(commentActionSchema.safeParse({ scope: 'group', op: 'approve', keys: 'pronote ne marche pas', expected: '12', asOf: '2021-04-06T08:00:00Z' }).success).toBe(true);
    expect(commentActionSchema.safeParse({ scope: 'group', op: 'approve', keys: 'pronote ne marche pas', expected: '12' }).success).toBe(false);
  });
});
