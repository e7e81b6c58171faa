'use server';

import { revalidatePath } from 'next/cache';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { actorOf, requirePermission } from '@/lib/auth/session';
import { moderateComments, undoModeration } from '@/lib/moderation/comment-actions';
import { hideSource, moderateReport } from '@/lib/moderation/moderate';
import { commentActionSchema, undoSchema } from '@/lib/moderation/queue-schema';
import { reportModerationSchema, sourceHideSchema } from '@/lib/moderation/schema';

export async function moderateReportAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('moderation.manage');
    const input = reportModerationSchema.parse(formFields(formData));
    await moderateReport(actorOf(session), input);
    revalidatePath('/admin/moderation');
    return ok('Fait.');
  });
}

export async function hideSourceAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('moderation.manage');
    const input = sourceHideSchema.parse(formFields(formData));
    const result = await hideSource(actorOf(session), input);
    revalidatePath('/admin/moderation');
    return ok(`${result.hidden} signalement(s) de la source ${result.source} masqué(s).`);
  });
}

/** Publish or hide pending comments: one, the ticked ones, a whole group or everything from a source. */
export async function moderateCommentsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('moderation.manage');
    const input = commentActionSchema.parse(formFields(formData));
    const result = await moderateComments(actorOf(session), input);
    revalidatePath('/admin/moderation');
    return ok(result.message);
  });
}

export async function undoModerationAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('moderation.manage');
    const input = undoSchema.parse(formFields(formData));
    const result = await undoModeration(actorOf(session), input);
    revalidatePath('/admin/moderation');
    return ok(result.message);
  });
}
