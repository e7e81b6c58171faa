'use server';

import { revalidatePath } from 'next/cache';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { actorOf, requirePermission } from '@/lib/auth/session';
import { declareExceptionalDay, removeExceptionalDay } from '@/lib/detect/exceptional-days';
import { exceptionalDayRemoveSchema, exceptionalDaySchema } from '@/lib/detect/exceptional-day-schema';

export async function declareExceptionalDayAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('settings.manage');
    const input = exceptionalDaySchema.parse(formFields(formData));
    await declareExceptionalDay(actorOf(session), input);
    revalidatePath('/admin/jours-exceptionnels');
    return ok(`Jour exceptionnel enregistré : ${input.date}, facteur ${input.factor}.`);
  });
}

export async function removeExceptionalDayAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('settings.manage');
    const { id } = exceptionalDayRemoveSchema.parse(formFields(formData));
    await removeExceptionalDay(actorOf(session), id);
    revalidatePath('/admin/jours-exceptionnels');
    return ok('Jour exceptionnel retiré.');
  });
}
