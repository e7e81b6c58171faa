import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import type { Spans } from '@/lib/http/server-timing';
import { withTimeout } from '@/lib/http/timeout';
import { getRuntimeSettings } from '@/lib/settings/runtime';
import { checkCatalog } from './check-catalog';
import { scrubComment } from './normalize';
import type { BatchResult } from './process-batch';
import { isPowEnabled, isSurgeProofRequired, POW_HEADER, powRequired, verifyOfferedProof } from './proof-of-work';
import { checkRequestLimit, RATE_LIMITED_MESSAGE } from './request-limit';
import { fingerprintRequest, type RequestFingerprints } from './request-source';
import { getIngestRuntime } from './runtime';
import type { ReportInput } from './schema';
import { REPORTER_WINDOW_MS, SOURCE_FREE_REPORTERS } from './thresholds';
import { uuidv7 } from '@/lib/domain/uuid';

export type AcceptContext = { headers: Headers; now?: Date; /** Stages of this request (Server-Timing). */ timing?: Spans };
export type AcceptResult = { status: 200 | 201; body: BatchResult };

/**
 * Time budget of one submission inside the app (ms), shared by every wait on the database: with
 * body reading and the network it keeps the answer (stored or 503 + Retry-After) under 3 s.
 */
export const INTAKE_DEADLINE_MS = 2_200;

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', RATE_LIMITED_MESSAGE, { retryAfterSeconds });
}

/**
 * Request limits and proof of work. The limit is per source (address), whatever the browser; a
 * device past it, or past its source's free reporters for this platform, may go on with a solved
 * proof of work (then limited per device). Returns whether a proof of work verified.
 */
async function admitRequest(ctx: AcceptContext, input: ReportInput, source: RequestFingerprints, now: Date): Promise<boolean> {
  const { store } = getIngestRuntime();
  const settings = await getRuntimeSettings();
  const limit = settings.reportLimitPerMinute;
  const offered = ctx.headers.get(POW_HEADER) !== null;
  const hit = await checkRequestLimit({ store, fingerprint: source.fingerprint, now, limit });
  if (!hit.allowed) {
    if (!source.deviceHash || !isPowEnabled()) throw rateLimited(hit.retryAfterSeconds);
    if (!offered) throw powRequired();
    const verified = await verifyOfferedProof(ctx.headers, now);
    const perDevice = await checkRequestLimit({ store, fingerprint: `${source.fingerprint}|${source.deviceHash}`, now, limit });
    if (!perDevice.allowed) throw rateLimited(perDevice.retryAfterSeconds);
    await isSurgeProofRequired(now, settings);
    return verified;
  }
  const verified = await verifyOfferedProof(ctx.headers, now);
  if ((await isSurgeProofRequired(now, settings)) && !verified) throw powRequired();
  if (verified || !source.deviceHash || !isPowEnabled()) return verified;
  const budget = await store.hit(`reporter-budget:${source.fingerprint}|${input.platform}`, REPORTER_WINDOW_MS, SOURCE_FREE_REPORTERS, now.getTime());
  if (!budget.allowed) throw powRequired();
  return false;
}

/**
 * The one domain entry point for a new report (JSON API and no-JS form): limits, proof of work when
 * the surge switch is on or the source's free reporters are used up, catalogue checks, then a
 * batched durable insert. Idempotent by key.
 */
export async function acceptReport(input: ReportInput, ctx: AcceptContext): Promise<AcceptResult> {
  const now = ctx.now ?? new Date();
  const runtime = getIngestRuntime();
  const started = performance.now();
  const remaining = () => Math.max(1, Math.min(env.DB_TIMEOUT_MS, INTAKE_DEADLINE_MS - (performance.now() - started)));
  const source = await fingerprintRequest(ctx.headers, { now, timeoutMs: remaining(), deviceToken: input.deviceToken });
  ctx.timing?.mark('key');
  const powVerified = await admitRequest(ctx, input, source, now);
  ctx.timing?.mark('limit');
  const issues = checkCatalog(input, await withTimeout(runtime.catalog(now), remaining()));
  ctx.timing?.mark('catalog');
  if (issues.length > 0) throw new AppError('invalid_input', issues[0]?.message ?? 'Signalement invalide.', { issues });
  const comment = input.comment ? scrubComment(input.comment) : null;
  const result = await withTimeout(
    runtime.batcher.submit({
      id: uuidv7(now.getTime()),
      platform: input.platform,
      academy: input.academy,
      category: input.category,
      role: input.role ?? null,
      comment: comment && comment.length > 0 ? comment : null,
      observedAt: input.observedAt ? new Date(input.observedAt) : null,
      idempotencyKey: input.idempotencyKey,
      fingerprint: source.fingerprint,
      deviceHash: source.deviceHash,
      network: source.network,
      powVerified,
      website: input.website,
      receivedAt: now,
    }),
    remaining(),
  );
  ctx.timing?.mark('batch');
  return { status: result.status === 'accepted' ? 201 : 200, body: result };
}
