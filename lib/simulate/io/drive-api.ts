import { randomUUID, createHash } from 'node:crypto';
import type { SimReport } from '../types';

export type DriveResult = { sent: number; accepted: number; refused: number; failed: number };

function addressOf(source: string): string {
  const h = createHash('sha256').update(source).digest();
  return `10.${h[0] ?? 0}.${h[1] ?? 0}.${h[2] ?? 0}`;
}

/**
 * Replays simulated reports against the public API at `rate` per second (the server must trust
 * this machine as a proxy, TRUSTED_PROXIES=127.0.0.1, for each simulated person to get its own source).
 */
export async function driveApi(
  reports: Iterable<SimReport>,
  opts: { apiUrl: string; rate: number; limit?: number },
): Promise<DriveResult> {
  const result: DriveResult = { sent: 0, accepted: 0, refused: 0, failed: 0 };
  const started = Date.now();
  const inflight = new Set<Promise<void>>();
  for (const report of reports) {
    if (opts.limit !== undefined && result.sent >= opts.limit) break;
    const due = started + (result.sent * 1000) / opts.rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    result.sent += 1;
    const body = { platform: report.platformId, academy: report.academyId, category: report.category, role: report.role, idempotencyKey: randomUUID(), ...(report.comment ? { comment: report.comment } : {}) };
    const request = fetch(new URL('/api/reports', opts.apiUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': addressOf(report.source), 'user-agent': 'ecole-en-panne-simulator' },
      body: JSON.stringify(body),
    })
      .then((res) => {
        if (res.status === 200 || res.status === 201) result.accepted += 1;
        else if (res.status === 429 || res.status === 503) result.refused += 1;
        else result.failed += 1;
      })
      .catch(() => {
        result.failed += 1;
      })
      .finally(() => inflight.delete(request));
    inflight.add(request);
  }
  await Promise.all(inflight);
  return result;
}
