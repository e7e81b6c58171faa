export type PushSubscribeResult = 'subscribed' | 'denied' | 'unsupported' | 'failed';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Asks permission, subscribes through the service worker with the server's VAPID key, and registers the subscription. */
export async function subscribeToPush(input: { platformId: string; academyId: string | null; locale: 'fr' | 'en' }): Promise<PushSubscribeResult> {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator) || !('PushManager' in window)) return 'unsupported';
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  try {
    const registration = await navigator.serviceWorker.ready;
    const { publicKey } = (await (await fetch('/api/notifications/cle')).json()) as { publicKey: string };
    const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    const res = await fetch('/api/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'push', ...input, subscription: subscription.toJSON() }),
    });
    return res.ok ? 'subscribed' : 'failed';
  } catch {
    return 'failed';
  }
}
