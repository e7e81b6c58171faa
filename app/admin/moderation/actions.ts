'use server';

import { revalidatePath } from 'next/cache';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { actorOf, requirePermission } from '@/lib/auth/session';
import { hideSource, moderateReport } from '@/lib/moderation/moderate';
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
