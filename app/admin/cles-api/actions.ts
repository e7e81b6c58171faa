'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { apiKeyCreateSchema, apiKeyRevokeSchema } from '@/lib/auth/schema';
import { requirePermission } from '@/lib/auth/session';

export async function createApiKeyAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('apikeys.own');
    const { name } = apiKeyCreateSchema.parse(formFields(formData));
    const { key } = await createApiKey(session, name);
    revalidatePath('/admin/cles-api');
    return ok('Clé créée. Copiez-la maintenant : elle ne sera plus jamais affichée.', [key]);
  });
}

export async function revokeApiKeyAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('apikeys.own');
    const { id } = apiKeyRevokeSchema.parse(formFields(formData));
    await revokeApiKey(session, id);
    revalidatePath('/admin/cles-api');
    return ok('Clé révoquée.');
  });
}
