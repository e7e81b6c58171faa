'use server';

import { revalidatePath } from 'next/cache';
import { changePassword, renewRecoveryCodes } from '@/lib/auth/account';
import { requestEmailChange } from '@/lib/auth/account-links';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { emailChangeSchema, passwordChangeSchema } from '@/lib/auth/schema';
import { requireUser } from '@/lib/auth/session';

export async function changePasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requireUser();
    const input = passwordChangeSchema.parse(formFields(formData));
    await changePassword(session, input);
    return ok('Mot de passe changé ; vos autres sessions sont terminées.');
  });
}

export async function changeEmailAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requireUser();
    const input = emailChangeSchema.parse(formFields(formData));
    const outcome = await requestEmailChange(session, input);
    revalidatePath('/admin', 'layout');
    return ok(outcome === 'changed' ? 'Adresse changée ; vos autres sessions sont terminées.' : 'Un lien de confirmation a été envoyé à la nouvelle adresse (valable 30 minutes).');
  });
}

export async function renewRecoveryCodesAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requireUser();
    const input = passwordChangeSchema.pick({ currentPassword: true, code: true }).parse(formFields(formData));
    const codes = await renewRecoveryCodes(session, { password: input.currentPassword, code: input.code });
    return ok('Nouveaux codes de secours (les anciens ne marchent plus) :', codes);
  });
}
