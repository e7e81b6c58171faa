import { randomUUID } from 'node:crypto';
import { peerHeaderValue } from '@/lib/http/peer';

let ipCounter = 1;

/** A distinct client address per call (as set by our HTTP server), so tests do not share rate limits. */
export function nextIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
}

export function reportBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    platform: 'pronote',
    academy: 'versailles',
    category: 'login',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

export function reportRequest(
  body: unknown,
  opts: { ip?: string; headers?: Record<string, string>; raw?: string } = {},
): Request {
  return new Request('http://localhost:3000/api/reports', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
      host: 'localhost:3000',
      'x-ecole-peer': peerHeaderValue(opts.ip ?? nextIp()),
      ...opts.headers,
    },
    body: opts.raw ?? JSON.stringify(body),
  });
}
