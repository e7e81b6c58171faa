import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { answerAfterPause } from '@/lib/server/respond';

function fakeResponse() {
  const res = Object.assign(new EventEmitter(), { destroyed: false, writableEnded: false });
  return res as unknown as http.ServerResponse & EventEmitter & { destroyed: boolean };
}

describe('answerAfterPause', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('answers once the pause has passed, not before', () => {
    const res = fakeResponse();
    const answer = vi.fn();
    answerAfterPause(res, 150, answer);
    vi.advanceTimersByTime(149);
    expect(answer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(answer).toHaveBeenCalledTimes(1);
  });

  test('does nothing for a client gone during the pause', () => {
    const res = fakeResponse();
    const answer = vi.fn();
    answerAfterPause(res, 150, answer);
    res.destroyed = true;
    res.emit('close');
    vi.advanceTimersByTime(1_000);
    expect(answer).not.toHaveBeenCalled();
  });
});
