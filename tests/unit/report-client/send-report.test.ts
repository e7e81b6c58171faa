import { describe, expect, test } from 'vitest';
import { classifyResponse } from '@/lib/report-client/classify-response';
import { sendReport } from '@/lib/report-client/send-report';
import type { ReportPayload } from '@/lib/report-client/types';

const NOW = Date.parse('2026-03-10T08:00:00Z');
const ok = { id: 'r1', status: 'accepted', counted: true, localCount: 4, platform: 'pronote', academy: 'versailles' };
const apiError = (code: string, issues: unknown[] = []) => ({ error: { code, message: 'Refusé.', issues } });

describe('classifyResponse', () => {
  test.each<[string, number, string | null, unknown, unknown]>([
    ['201 with the report', 201, null, ok, { kind: 'delivered', report: ok }],
    ['200 duplicate', 200, null, { ...ok, status: 'duplicate' }, { kind: 'delivered', report: { ...ok, status: 'duplicate' } }],
    ['200 from a captive portal', 200, null, null, { kind: 'retry', reason: 'invalid_response' }],
    ['429 with Retry-After', 429, '12', apiError('rate_limited'), { kind: 'retry', reason: 'rate_limited', retryAfterMs: 12_000 }],
    ['503 with Retry-After', 503, '5', apiError('unavailable'), { kind: 'retry', reason: 'server', retryAfterMs: 5_000 }],
    ['502 from a proxy', 502, null, null, { kind: 'retry', reason: 'server', retryAfterMs: undefined }],
    ['408 timeout', 408, null, null, { kind: 'retry', reason: 'server', retryAfterMs: undefined }],
    ['403 HTML from a filtering proxy', 403, null, null, { kind: 'retry', reason: 'invalid_response', retryAfterMs: undefined }],
  ])('%s', (_name, status, retryAfter, body, expected) => {
    expect(classifyResponse({ status, retryAfter, body, nowMs: NOW })).toEqual(expected);
  });

  test('a 4xx with our error shape is final, with its issues', () => {
    const issue = { field: 'platform', code: 'platform_retired', message: 'Ce service n’existe plus.' };
    expect(classifyResponse({ status: 400, retryAfter: null, body: apiError('invalid_input', [issue, { bad: 1 }]), nowMs: NOW })).toEqual({
      kind: 'rejected',
      error: { status: 400, code: 'invalid_input', message: 'Refusé.', issues: [issue] },
    });
    expect(classifyResponse({ status: 413, retryAfter: null, body: apiError('payload_too_large'), nowMs: NOW }).kind).toBe('rejected');
  });
});

type Call = { body: Record<string, unknown>; pow: string | null };

function fakeFetch(answers: Array<() => Response>) {
  const calls: Call[] = [];
  const impl: typeof fetch = async (_url, init) => {
    const headers = new Headers(init?.headers);
    calls.push({ body: JSON.parse(String(init?.body)) as Record<string, unknown>, pow: headers.get('x-altcha') });
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  };
  return { impl, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const payload: ReportPayload = {
  platform: 'pronote',
  academy: 'versailles',
  category: 'login',
  idempotencyKey: 'key-send-00000001',
  observedAt: '2026-03-10T08:00:00.000Z',
};

describe('sendReport', () => {
  test('a network failure is a retry', async () => {
    const { impl } = fakeFetch([]);
    expect(await sendReport(payload, { fetch: impl })).toEqual({ kind: 'retry', reason: 'network' });
  });

  test('a request hanging past the timeout is a network failure', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await sendReport(payload, { fetch: hanging, timeoutMs: 20 })).toEqual({ kind: 'retry', reason: 'network' });
  });

  test('solves a proof of work when asked and sends the same report again with it', async () => {
    const powIssue = { field: 'altcha', code: 'pow_required', message: 'Vérification nécessaire.' };
    const { impl, calls } = fakeFetch([json(400, apiError('invalid_input', [powIssue])), json(201, ok)]);
    const outcome = await sendReport(payload, { fetch: impl, solvePow: async () => 'c29sdmVk' });
    expect(outcome).toEqual({ kind: 'delivered', report: ok });
    expect(calls.map((c) => c.pow)).toEqual([null, 'c29sdmVk']);
    expect(calls[1]?.body).toEqual(calls[0]?.body);
  });

  test('a proof of work that cannot be solved leaves the report for a later retry', async () => {
    const powIssue = { field: 'altcha', code: 'pow_required', message: 'Vérification nécessaire.' };
    const { impl } = fakeFetch([json(400, apiError('invalid_input', [powIssue]))]);
    expect(await sendReport(payload, { fetch: impl, solvePow: async () => null })).toEqual({ kind: 'retry', reason: 'pow' });
  });

  test('drops observedAt when only the device clock is ahead', async () => {
    const future = { field: 'observedAt', code: 'observed_at_future', message: 'Dans le futur.' };
    const { impl, calls } = fakeFetch([json(400, apiError('invalid_input', [future])), json(201, ok)]);
    expect((await sendReport(payload, { fetch: impl })).kind).toBe('delivered');
    expect(calls[0]?.body.observedAt).toBe(payload.observedAt);
    expect(calls[1]?.body).not.toHaveProperty('observedAt');
    expect(calls[1]?.body.idempotencyKey).toBe(payload.idempotencyKey);
  });

  test('passes Retry-After through', async () => {
    const { impl } = fakeFetch([json(429, apiError('rate_limited'), { 'retry-after': '42' })]);
    expect(await sendReport(payload, { fetch: impl, now: () => NOW })).toEqual({ kind: 'retry', reason: 'rate_limited', retryAfterMs: 42_000 });
  });
});
