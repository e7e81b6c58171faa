import { describe, expect, test } from 'vitest';
import { decodeMessage, encodeMessages, MAX_MESSAGE_BYTES } from '@/lib/live/codec';
import type { LiveDelta } from '@/lib/map-state/types';

const report = (i: number): LiveDelta => ({
  kind: 'report',
  seq: 1_700_000_000_000_000 + i,
  at: new Date(Date.UTC(2021, 3, 6, 7, 2, 0, i)).toISOString(),
  platformId: 'cned-ma-classe-a-la-maison',
  academyId: 'la-reunion',
  category: 'unreachable',
  reporter: i % 2 === 0,
});
const incident: LiveDelta = {
  kind: 'incident',
  seq: 1_700_000_000_000_999,
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
  test('carries the publisher’s seq of every delta unchanged', () => {
    const deltas = [report(7), { kind: 'resync', seq: 42 } as LiveDelta, incident];
    const decoded = encodeMessages(deltas, nonce).flatMap((m) => decodeMessage(m).deltas);
    expect(decoded.map((d) => d.seq)).toEqual([report(7).seq, 42, incident.seq]);
  });

  test('an item too large for one message becomes a resync under the same seq', () => {
    const big: LiveDelta = { ...incident, kind: 'incident', incident: { ...(incident.kind === 'incident' ? incident.incident : ({} as never)), academies: Array.from({ length: 200 }, (_, i) => `academie-numero-${i}`) } };
    const [message] = encodeMessages([big], nonce, 1000);
    expect(decodeMessage(message as string).deltas).toEqual([{ kind: 'resync', seq: big.seq }]);
  });

  test('round-trips reports, incidents and resyncs', () => {
    const events = [report(0), report(1), incident, { kind: 'resync', seq: 1_700_000_000_001_000 } as LiveDelta];
    const messages = encodeMessages(events, nonce);
    expect(messages).toHaveLength(1);
    expect(decodeMessage(messages[0] as string)).toEqual({ deltas: events, invalid: 0 });
  });

  test('splits large batches into messages under the NOTIFY limit, keeping the order', () => {
    const events = Array.from({ length: 500 }, (_, i) => report(i));
    const messages = encodeMessages(events, nonce);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(Buffer.byteLength(m)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(messages.flatMap((m) => decodeMessage(m).deltas)).toEqual(events);
    expect(new Set(messages).size).toBe(messages.length);
  });

  test('a report with its seq costs under 120 bytes on the bus, without any source or comment', () => {
    const [message] = encodeMessages([report(0)], () => 'x');
    expect(Buffer.byteLength(message as string)).toBeLessThan(120);
    expect(message).not.toMatch(/fingerprint|comment/);
  });

  test('drops malformed items and unreadable messages instead of throwing', () => {
    const good = JSON.parse(encodeMessages([report(0)], nonce)[0] as string) as { n: string; e: unknown[] };
    const mixed = JSON.stringify({
      n: 'x',
      e: [...good.e, ['r', 1, -1, 'a', 'b', 'login', 1], ['x'], ['r', 1, 1, 'a', 'b', 'not-a-category', 0], ['r', 1, 'a', 'b', 'login', 1], ['s'], ['s', -3], ['s', 2 ** 60]],
    });
    expect(decodeMessage(mixed)).toEqual({ deltas: [report(0)], invalid: 7 });
    expect(decodeMessage('not json')).toEqual({ deltas: [], invalid: 1 });
    expect(decodeMessage('{"e":"nope"}')).toEqual({ deltas: [], invalid: 1 });
  });
});
