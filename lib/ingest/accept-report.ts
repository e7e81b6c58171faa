import 'server-only';
import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { withTimeout } from '@/lib/http/timeout';
import { createPowChallenge, verifyPowPayload } from '@/lib/pow/challenge';
import { surgeConfigWithFloor, updateSurge } from '@/lib/pow/surge';
import type { RuntimeSettings } from '@/lib/settings/definitions';
import { getRuntimeSettings } from '@/lib/settings/runtime';
import { checkCatalog } from './check-catalog';
import { sourceFingerprint } from './fingerprint';
import { fieldIssue } from './issue-messages';
import { scrubComment } from './normalize';
import type { BatchResult } from './process-batch';
import { checkRequestLimit, RATE_LIMITED_MESSAGE } from './request-limit';
import { requestClientIp } from './request-source';
import { getIngestRuntime } from './runtime';
import type { ReportInput } from './schema';
import { uuidv7 } from './uuid';

export type AcceptContext = { headers: Headers; now?: Date };
export type AcceptResult = { status: 200 | 201; body: BatchResult };

/**
 * Time budget of one submission inside the app (ms), shared by every wait on the database: with
 * body reading and the network it keeps the answer (stored or 503 + Retry-After) under 3 s.
 */
export const INTAKE_DEADLINE_MS = 2_200;


function requestSource(ctx: AcceptContext, secret: string, now: Date): string {
  const ip = requestClientIp(ctx.headers);
  return sourceFingerprint({ ip: ip ?? 'unknown', userAgent: ctx.headers.get('user-agent'), secret, now });
}

async function requireProofOfWork(ctx: AcceptContext, now: Date, settings: RuntimeSettings): Promise<void> {
  const runtime = getIngestRuntime();
  runtime.traffic.add(now.getTime());
  runtime.surge.state = updateSurge({
    state: runtime.surge.state,
    lastMinuteCount: runtime.traffic.total(now.getTime()),
    now: now.getTime(),
    config: surgeConfigWithFloor(settings.powSurgeFloorPerMinute),
  });
  const required = env.POW_MODE === 'always' || (env.POW_MODE === 'auto' && runtime.surge.state.active);
  if (!required) return;
  const payload = ctx.headers.get('x-altcha');
  if (!payload) throw new AppError('invalid_input', 'Une vérification anti-robot est nécessaire.', { issues: [fieldIssue('altcha', 'pow_required')] });
  const verdict = await verifyPowPayload({ payload, config: await runtime.pow(), now, usedChallenges: runtime.usedChallenges });
  if (!verdict.ok) throw new AppError('invalid_input', verdict.message, { issues: [fieldIssue('altcha', 'pow_invalid')] });
}

/** Whether a proof-of-work is currently asked for, and a fresh challenge when it is. */
export async function currentPowChallenge(now = new Date()): Promise<{ enabled: boolean; challenge?: unknown }> {
  const runtime = getIngestRuntime();
  const enabled = env.POW_MODE === 'always' || (env.POW_MODE === 'auto' && runtime.surge.state.active);
  if (!enabled) return { enabled };
  return { enabled, challenge: await createPowChallenge({ config: await runtime.pow(), now }) };
}

/**
 * The one domain entry point for a new report (JSON API and no-JS form): limits, proof of work when
 * the surge switch is on, catalogue checks, then a batched durable insert. Idempotent by key.
 */
export async function acceptReport(input: ReportInput, ctx: AcceptContext): Promise<AcceptResult> {
  const now = ctx.now ?? new Date();
  const runtime = getIngestRuntime();
  const started = performance.now();
  const remaining = () => Math.max(1, Math.min(env.DB_TIMEOUT_MS, INTAKE_DEADLINE_MS - (performance.now() - started)));
  const secret = await withTimeout(runtime.secret(), remaining());
  const fingerprint = requestSource(ctx, secret, now);
  const settings = await getRuntimeSettings();
  const limit = await checkRequestLimit({ store: runtime.store, fingerprint, now, limit: settings.reportLimitPerMinute });
  if (!limit.allowed) throw new AppError('rate_limited', RATE_LIMITED_MESSAGE, { retryAfterSeconds: limit.retryAfterSeconds });
  await requireProofOfWork(ctx, now, settings);
  const issues = checkCatalog(input, await withTimeout(runtime.catalog(now), remaining()));
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
      fingerprint,
      deviceHash: input.deviceToken ? createHmac('sha256', secret).update(input.deviceToken).digest('hex') : null,
      website: input.website,
      receivedAt: now,
    }),
    remaining(),
  );
  return { status: result.status === 'accepted' ? 201 : 200, body: result };
}
