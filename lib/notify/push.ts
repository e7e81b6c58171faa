import webpush from 'web-push';
import { resolveAll } from '@/lib/webhooks/deliver';
import { checkWebhookTarget } from '@/lib/webhooks/ssrf';
import { isGonePushStatus, type NotificationText } from './messages';
import type { VapidKeys } from './vapid';

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushOutcome = 'sent' | 'gone' | 'failed';

/** Four hours: a phone off for longer does not need to hear about the morning's outage. */
const PUSH_TTL_SECONDS = 4 * 3600;

/**
 * Encrypts (RFC 8291 aes128gcm) and signs (VAPID) with web-push, then POSTs with fetch; the endpoint
 * must not be a private address unless allowed (as for webhooks). 404/410 mean the browser unsubscribed.
 */
export async function sendPush(input: { target: PushTarget; message: NotificationText; vapid: VapidKeys; subject: string; allowedHosts: ReadonlySet<string> }): Promise<PushOutcome> {
  const check = await checkWebhookTarget(input.target.endpoint, resolveAll, input.allowedHosts);
  if (!check.ok) return 'gone';
  const details = webpush.generateRequestDetails(
    { endpoint: input.target.endpoint, keys: { p256dh: input.target.p256dh, auth: input.target.auth } },
    JSON.stringify(input.message),
    { TTL: PUSH_TTL_SECONDS, contentEncoding: 'aes128gcm', vapidDetails: { subject: input.subject, publicKey: input.vapid.publicKey, privateKey: input.vapid.privateKey } },
  );
  try {
    const res = await fetch(details.endpoint, { method: 'POST', headers: details.headers as Record<string, string>, body: details.body ? new Uint8Array(details.body) : undefined, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await res.body?.cancel().catch(() => undefined);
    if (res.ok) return 'sent';
    return isGonePushStatus(res.status) ? 'gone' : 'failed';
  } catch {
    return 'failed';
  }
}
