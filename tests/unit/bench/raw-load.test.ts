import { describe, expect, test } from 'vitest';
import { parseAnswer } from '../../../bench/lib/raw-load';

const answer = (text: string) => parseAnswer(Buffer.from(text, 'latin1'));

describe('parseAnswer (bench load generator)', () => {
  test('reads status, Server-Timing and the length of a Content-Length answer, and waits for the whole body', () => {
    const head = 'HTTP/1.1 201 Created\r\nServer-Timing: app;dur=1.5\r\ncontent-length: 5\r\n\r\n';
    expect(answer(`${head}{"a`)).toBeNull();
    expect(answer(`${head}{"a":1}HTTP/1.1`)).toEqual({ status: 201, serverMs: 1.5, length: head.length + 5, close: false });
    expect(answer('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')).toMatchObject({ status: 503, serverMs: null, close: true });
  });

  test('reads a chunked answer to its last chunk', () => {
    const text = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n';
    expect(answer(text.slice(0, -4))).toBeNull();
    expect(answer(text)).toEqual({ status: 200, serverMs: null, length: text.length, close: false });
  });

  test('waits for the end of the headers', () => {
    expect(answer('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n')).toBeNull();
  });
});
