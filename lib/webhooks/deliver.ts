import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { lookup } from 'node:dns/promises';
import { checkWebhookTarget, type ResolvedAddress } from './ssrf';
import { signPayload, SIGNATURE_HEADER } from './signature';

const TIMEOUT_MS = 5_000;

export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export async function resolveAll(host: string): Promise<ResolvedAddress[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/**
 * POSTs a signed JSON body to a subscriber: the target is checked (no private address unless allowed)
 * and the socket is opened to the checked address itself; no redirect is followed; 2xx within 5 s is success.
 */
export async function sendWebhook(input: {
  url: string;
  secret: string;
  body: string;
  event: string;
  deliveryId: string;
  allowedHosts: ReadonlySet<string>;
  now: Date;
  resolve?: typeof resolveAll;
}): Promise<SendResult> {
  const target = await checkWebhookTarget(input.url, input.resolve ?? resolveAll, input.allowedHosts);
  if (!target.ok) return { ok: false, status: null, error: target.message };
  const pinned: LookupFunction = (_host, options, callback) => {
    if (typeof options === 'object' && options?.all) callback(null, [{ address: target.address.address, family: target.address.family }]);
    else callback(null, target.address.address, target.address.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    const req = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        timeout: TIMEOUT_MS,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(input.body),
          'user-agent': 'EcoleEnPanne-Webhooks/1',
          'x-ecole-event': input.event,
          'x-ecole-delivery': input.deliveryId,
          [SIGNATURE_HEADER]: signPayload(input.secret, input.body, Math.floor(input.now.getTime() / 1000)),
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        res.on('end', () => resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `Réponse HTTP ${status}.` }));
        res.on('error', () => resolve({ ok: false, status, error: 'Réponse interrompue.' }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('Pas de réponse en 5 secondes.')));
    req.on('error', (error) => resolve({ ok: false, status: null, error: error.message || 'Connexion impossible.' }));
    req.end(input.body);
  });
}
