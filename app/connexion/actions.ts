'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { confirmTotpEnrollment, startTotpEnrollment, verifySessionSecondFactor } from '@/lib/auth/account';
import { completePasswordReset, confirmEmailChange, requestPasswordResetByMail } from '@/lib/auth/account-links';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { safeCallbackPath } from '@/lib/auth/page-guard';
import { passwordResetSchema, resetRequestSchema, secondFactorSchema, tokenSchema } from '@/lib/auth/schema';
import { requireUser } from '@/lib/auth/session';

export async function verifySecondFactorAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requireUser();
    const { code } = secondFactorSchema.parse(formFields(formData));
    await verifySessionSecondFactor(session, code);
    redirect(safeCallbackPath(formData.get('callbackUrl')));
  });
}

export async function startTotpAction(_previous: ActionResult | null, _formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    await startTotpEnrollment(await requireUser());
    redirect('/connexion/double-facteur');
  });
}

export async function confirmTotpAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requireUser();
    const { code } = secondFactorSchema.parse(formFields(formData));
    const codes = await confirmTotpEnrollment(session, code);
    return ok('Double authentification activée. Gardez ces codes de secours en lieu sûr : chacun remplace une fois le code du téléphone.', codes);
  });
}

/** Public by design: the single-use link is the credential. */
export async function resetPasswordAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const input = passwordResetSchema.parse(formFields(formData));
    await completePasswordReset({ token: input.token, newPassword: input.newPassword });
    return ok('Mot de passe enregistré. Vous pouvez maintenant vous connecter.');
  });
}

/** Public by design: throttled, and the same answer whether the address exists or not. */
export async function requestResetAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const { email } = resetRequestSchema.parse(formFields(formData));
    await requestPasswordResetByMail({ email, headers: await headers() });
    return ok('Si un compte utilise cette adresse, un lien de réinitialisation vient de lui être envoyé.');
  });
}

/** Public by design: the link sent to the new address is the credential. */
export async function confirmEmailAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const { token } = tokenSchema.parse(formFields(formData));
    await confirmEmailChange(token);
    return ok('Adresse confirmée. Reconnectez-vous avec la nouvelle adresse.');
  });
}
