import { describe, expect, test } from 'vitest';
import { decodeMessage, encodeMessages, MAX_MESSAGE_BYTES } from '@/lib/live/codec';
import type { LiveEvent } from '@/lib/live/types';

const report = (i: number): LiveEvent => ({
  kind: 'report',
  at: new Date(Date.UTC(2021, 3, 6, 7, 2, 0, i)).toISOString(),
  platformId: 'cned-ma-classe-a-la-maison',
  academyId: 'la-reunion',
  category: 'unreachable',
  reporter: i % 2 === 0,
});
const incident: LiveEvent = {
  kind: 'incident',
  incident: {
    id: '01900000-0000-7000-8000-000000000001',
    platformId: 'pronote',
    level: 'detected',
    startedAt: '2021-04-06T07:02:00.000Z',
    detectedAt: '2021-04-06T07:04:00.000Z',
    endedAt: null,
    national: false,
    academies: ['lille', 'paris'],
  },
};
let n = 0;
const nonce = () => `n${(n += 1)}`;

describe('bus codec', () => {
  test('round-trips reports, incidents and resyncs', () => {
    const events = [report(0), report(1), incident, { kind: 'resync' } as LiveEvent];
    const messages = encodeMessages(events, nonce);
    expect(messages).toHaveLength(1);
    expect(decodeMessage(messages[0] as string)).toEqual({ events, invalid: 0 });
  });

  test('splits large batches into messages under the NOTIFY limit, keeping the order', () => {
    const events = Array.from({ length: 500 }, (_, i) => report(i));
    const messages = encodeMessages(events, nonce);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(Buffer.byteLength(m)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(messages.flatMap((m) => decodeMessage(m).events)).toEqual(events);
    expect(new Set(messages).size).toBe(messages.length);
  });

  test('a report costs under 100 bytes on the bus, without any source or comment', () => {
    const [message] = encodeMessages([report(0)], () => 'x');
    expect(Buffer.byteLength(message as string)).toBeLessThan(100);
    expect(message).not.toMatch(/fingerprint|comment/);
  });

  test('drops malformed items and unreadable messages instead of throwing', () => {
    const good = JSON.parse(encodeMessages([report(0)], nonce)[0] as string) as { n: string; e: unknown[] };
    const mixed = JSON.stringify({ n: 'x', e: [...good.e, ['r', -1, 'a', 'b', 'login', 1], ['x'], ['r', 1, 'a', 'b', 'not-a-category', 0]] });
    expect(decodeMessage(mixed)).toEqual({ events: [report(0)], invalid: 3 });
    expect(decodeMessage('not json')).toEqual({ events: [], invalid: 1 });
    expect(decodeMessage('{"e":"nope"}')).toEqual({ events: [], invalid: 1 });
  });
});
