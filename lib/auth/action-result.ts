import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { isAppError } from '@/lib/http/errors';
import { zodIssues } from '@/lib/http/zod-issues';
import type { ActionResult } from './schema';
import { componentLogger } from '@/lib/log/logger';

const log = componentLogger('action');

export type { ActionResult };

export function ok(message: string, reveal?: string[]): ActionResult {
  return reveal ? { ok: true, message, reveal } : { ok: true, message };
}

/** Server actions: refusals (AppError, invalid form) become a result the form shows; anything else is logged. */
export async function actionResult(run: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, code: error.code, error: error.message, issues: error.details?.issues };
    if (error instanceof z.ZodError) {
      const issues = zodIssues(error, { rootField: 'form' });
      return { ok: false, code: 'invalid_input', error: issues[0]?.message ?? 'Formulaire invalide.', issues };
    }
    log.error({ err: error }, 'unexpected error');
    return { ok: false, code: 'internal', error: 'Erreur interne du serveur.' };
  }
}

/** A form's fields as an object; repeated names (checkboxes) become arrays. */
export function formFields(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    const previous = out[key];
    out[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return out;
}
