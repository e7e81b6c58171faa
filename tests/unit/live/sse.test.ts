import { describe, expect, test } from 'vitest';
import { parseLastEventId, SSE_HEADERS, sseComment, sseEvent, sseRetry } from '@/lib/live/sse';
import { AppError } from '@/lib/http/errors';
import { createSseParser, type SseMessage } from '@/lib/live/sse-parser';
import { parseStreamRequest } from '@/lib/live/stream-request';

describe('SSE framing', () => {
  test('an event is its id and one data line, ended by a blank line', () => {
    expect(sseEvent(42, '{"kind":"resync","seq":42}')).toBe('id: 42\ndata: {"kind":"resync","seq":42}\n\n');
  });

  test('refuses data that would break the framing', () => {
    expect(() => sseEvent(1, 'a\nb')).toThrow();
    expect(() => sseEvent(1, 'a\rb')).toThrow();
    expect(sseEvent(1, JSON.stringify({ text: 'a\nb' }))).toBe('id: 1\ndata: {"text":"a\\nb"}\n\n');
  });

  test('comments and the retry hint', () => {
    expect(sseComment('ping')).toBe(': ping\n\n');
    expect(sseComment('a\nb')).toBe(': a b\n\n');
    expect(sseRetry(5000.4)).toBe('retry: 5000\n\n');
  });

  test('headers: event stream, no caching or transformation, no proxy buffering', () => {
    expect(SSE_HEADERS['content-type']).toMatch(/^text\/event-stream/);
    expect(SSE_HEADERS['cache-control']).toContain('no-transform');
    expect(SSE_HEADERS['x-accel-buffering']).toBe('no');
  });
});

describe('parseLastEventId', () => {
  test.each([
    ['1700000000000123', null, 1_700_000_000_000_123],
    [null, '55', 55],
    ['12', '55', 12],
    ['abc', '55', 55],
    ['-3', null, null],
    ['99999999999999999', null, null],
    ['', '', null],
    [null, null, null],
  ])('header %s, query %s → %s', (header, query, expected) => {
    expect(parseLastEventId(header, query)).toBe(expected);
  });
});

describe('parseStreamRequest', () => {
  const parse = (search: string, lastEventId: string | null = null) => parseStreamRequest({ search: new URLSearchParams(search), lastEventId });

  test('reads the platform filter and the resume point', () => {
    expect(parse('')).toEqual({ platformId: null, lastSeq: null });
    expect(parse('plateforme=PRONOTE&depuis=12')).toEqual({ platformId: 'pronote', lastSeq: 12 });
    expect(parse('plateforme=toutes', '30')).toEqual({ platformId: null, lastSeq: 30 });
  });

  test('bad values are a 400 with the field named', () => {
    for (const search of ['plateforme=../etc', 'depuis=hier']) {
      try {
        parse(search);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
        expect((error as AppError).details?.issues?.[0]?.field).toBe(search.split('=')[0]);
      }
    }
  });
});

describe('createSseParser', () => {
  test('reassembles events split anywhere across chunks and skips comments', () => {
    const text = `${sseRetry(5000)}${sseComment('ok')}${sseEvent(1, '{"a":1}')}${sseComment('ping')}${sseEvent(2, '{"b":2}')}`;
    for (const size of [1, 3, 7, text.length]) {
      const out: SseMessage[] = [];
      const feed = createSseParser((m) => out.push(m));
      for (let i = 0; i < text.length; i += size) feed(text.slice(i, i + size));
      expect(out).toEqual([{ id: '1', data: '{"a":1}' }, { id: '2', data: '{"b":2}' }]);
    }
  });

  test('keeps the last id for events without one and joins multi-line data', () => {
    const out: SseMessage[] = [];
    createSseParser((m) => out.push(m))('id: 7\r\ndata: a\r\ndata: b\r\n\r\ndata: c\n\n');
    expect(out).toEqual([{ id: '7', data: 'a\nb' }, { id: '7', data: 'c' }]);
  });
});
