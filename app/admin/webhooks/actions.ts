'use server';

import { revalidatePath } from 'next/cache';
import { actionResult, formFields, ok, type ActionResult } from '@/lib/auth/action-result';
import { requirePermission } from '@/lib/auth/session';
import { webhookCreateSchema, webhookIdSchema } from '@/lib/webhooks/schema';
import { createWebhook, deleteWebhook, reactivateWebhook } from '@/lib/webhooks/subscriptions';

export async function createWebhookAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('webhooks.own');
    const input = webhookCreateSchema.parse(formFields(formData));
    const { secret } = await createWebhook(session, input);
    revalidatePath('/admin/webhooks');
    return ok('Webhook créé. Copiez son secret de signature maintenant : il ne sera plus jamais affiché.', [secret]);
  });
}

export async function deleteWebhookAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('webhooks.own');
    const { id } = webhookIdSchema.parse(formFields(formData));
    await deleteWebhook(session, id);
    revalidatePath('/admin/webhooks');
    return ok('Webhook supprimé.');
  });
}

export async function reactivateWebhookAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return actionResult(async () => {
    const session = await requirePermission('webhooks.own');
    const { id } = webhookIdSchema.parse(formFields(formData));
    await reactivateWebhook(session, id);
    revalidatePath('/admin/webhooks');
    return ok('Webhook réactivé : il recevra les prochains événements.');
  });
}
