import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { createPowChallenge, verifyPowPayload } from '@/lib/pow/challenge';
import { surgeConfigWithFloor } from '@/lib/pow/surge';
import type { RuntimeSettings } from '@/lib/domain/settings';
import { fieldIssue } from './issue-messages';
import { getIngestRuntime } from './runtime';

export const POW_HEADER = 'x-altcha';

export function isPowEnabled(): boolean {
  return env.POW_MODE !== 'off';
}

/** The 400 the report client answers by solving a challenge and sending the report again. */
export function powRequired(): AppError {
  return new AppError('invalid_input', 'Une vérification anti-robot est nécessaire.', { issues: [fieldIssue('altcha', 'pow_required')] });
}

/**
 * Verifies and burns the proof of work a request carries, if any: true when it verified, false
 * when there is none; a bad or replayed one is refused (the client solves a new one).
 */
export async function verifyOfferedProof(headers: Headers, now: Date): Promise<boolean> {
  const payload = headers.get(POW_HEADER);
  if (!payload || !isPowEnabled()) return false;
  const runtime = getIngestRuntime();
  const verdict = await verifyPowPayload({ payload, config: await runtime.pow(), now, usedChallenges: runtime.usedChallenges });
  if (!verdict.ok) throw new AppError('invalid_input', verdict.message, { issues: [fieldIssue('altcha', 'pow_invalid')] });
  return true;
}

/** Counts this report request towards the shared surge switch; whether proof of work is required for everyone. */
export async function isSurgeProofRequired(now: Date, settings: RuntimeSettings): Promise<boolean> {
  if (env.POW_MODE === 'off') return false;
  const active = await getIngestRuntime().surge.observe(now, surgeConfigWithFloor(settings.powSurgeFloorPerMinute));
  return env.POW_MODE === 'always' || active;
}

/**
 * GET /api/pow/challenge: whether everyone must solve a proof of work now, and a fresh challenge
 * when so, or when the client asks for one (`requested`: its report needs one to count).
 */
export async function currentPowChallenge(input: { now?: Date; requested?: boolean } = {}): Promise<{ enabled: boolean; challenge?: unknown }> {
  const now = input.now ?? new Date();
  const runtime = getIngestRuntime();
  const surge = env.POW_MODE === 'always' || (env.POW_MODE === 'auto' && (await runtime.surge.isActive(now)));
  const enabled = surge || (isPowEnabled() && input.requested === true);
  if (!enabled) return { enabled };
  return { enabled, challenge: await createPowChallenge({ config: await runtime.pow(), now }) };
}
