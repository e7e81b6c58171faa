import { describe, expect, test } from 'vitest';
import { decodeQueueCursor, encodeQueueCursor } from '@/lib/moderation/queue-cursor';

describe('queue cursor', () => {
  test('round-trips the last comment shown', () => {
    const row = { createdAt: new Date('2021-04-06T07:14:03.120Z'), id: '01890000-0000-7000-8000-000000000001' };
    expect(decodeQueueCursor(encodeQueueCursor(row))).toEqual(row);
  });

  test.each([undefined, '', 'abc', Buffer.from('12.not-a-uuid').toString('base64url')])('%j is no cursor', (value) => {
    expect(decodeQueueCursor(value)).toBeNull();
  });
});
