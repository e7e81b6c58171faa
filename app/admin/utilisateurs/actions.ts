'use server';

import { revalidatePath } from 'next/cache';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { userCreateSchema, userUpdateSchema } from '@/lib/auth/schema';
import { actorOf, requirePermission } from '@/lib/auth/session';
import { createUser, updateUser } from '@/lib/auth/users-admin';

const DONE = {
  set_roles: 'Rôles enregistrés.',
  disable: 'Compte désactivé ; ses sessions sont terminées.',
  enable: 'Compte réactivé.',
  revoke_sessions: 'Toutes les sessions de ce compte sont terminées.',
  issue_reset_link: 'Lien de réinitialisation (valable une heure, une seule fois) à transmettre à la personne :',
  reset_totp: 'Double authentification réinitialisée : la personne devra la réactiver.',
};

export async function createUserAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('users.manage');
    const input = userCreateSchema.parse(formFields(formData));
    const { user, link, linkNote } = await createUser(actorOf(session), input);
    revalidatePath('/admin/utilisateurs');
    const note = linkNote ? ` ${linkNote}` : '';
    return ok(`Compte ${user.email} créé. Transmettez-lui ce lien (valable 72 h, une seule fois) pour choisir son mot de passe :${note}`, [link]);
  });
}

export async function updateUserAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('users.manage');
    const input = userUpdateSchema.parse(formFields(formData));
    const result = await updateUser(actorOf(session), input);
    revalidatePath('/admin/utilisateurs');
    return ok(result.linkNote ? `${DONE[input.op]} ${result.linkNote}` : DONE[input.op], result.link ? [result.link] : undefined);
  });
}
