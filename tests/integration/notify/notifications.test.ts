import { peerHeaderValue } from '@/lib/http/peer';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

const SMTP_PORT = vi.hoisted(() => {
  // The mail settings are read when the modules load, so the port is chosen before: one the kernel gives
  // (port 0) to a short-lived child, free again when it exits (a port derived from the pid clashed in CI).
  const port = Number(
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- vi.hoisted runs before the imports
    require('node:child_process')
      .execFileSync(process.execPath, ['-e', "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"])
      .toString(),
  );
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${port}`;
  process.env.EMAIL_FROM = 'alertes@ecole.example.org';
  process.env.NEXTAUTH_URL = 'https://ecole.example.org';
  return port;
});

import { POST as subscribePost } from '@/app/api/notifications/route';
import { GET as keyGet } from '@/app/api/notifications/cle/route';
import { GET as confirmGet } from '@/app/api/notifications/confirmer/route';
import { POST as unsubscribePost } from '@/app/api/notifications/desabonner/route';
import { getDb } from '@/lib/db/client';
import { fanOutNotifications, purgeIdleNotifications, sendQueuedNotifications, type NotifySenders } from '@/lib/notify/dispatch';
import { sendNotificationMail } from '@/lib/notify/mail';
import { sendPush } from '@/lib/notify/push';
import { getVapidKeys } from '@/lib/notify/vapid';
import { decodeQuotedPrintable, startSmtpCatcher, type CaughtMail } from '../../helpers/smtp-catcher';
import { createPushSubscriber } from '../../helpers/web-push-subscriber';

const db = getDb();
const PLATFORM = 'cned-ma-classe-a-la-maison';
const ORIGIN = 'https://ecole.example.org';
type Pushed = { path: string; headers: http.IncomingHttpHeaders; body: Buffer };
const pushed: Pushed[] = [];
let server: http.Server;
let base = '';
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
const incidents: string[] = [];
let peer = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      pushed.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = req.url?.startsWith('/gone') ? 410 : 201;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  smtp = await startSmtpCatcher(SMTP_PORT);
  await drainFanOut();
});

afterAll(async () => {
  await db.notifySubscription.deleteMany({ where: { platformId: PLATFORM } });
  await db.incidentEvent.deleteMany({ where: { incidentId: { in: incidents } } });
  await db.incident.deleteMany({ where: { id: { in: incidents } } });
  await new Promise((r) => server.close(r));
  await smtp.close();
});

function post(body: unknown, headers: Record<string, string> = {}) {
  peer += 1;
  const type = typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json';
  return subscribePost(new Request(`${ORIGIN}/api/notifications`, { method: 'POST', headers: { 'content-type': type, 'x-ecole-peer': peerHeaderValue(`198.51.100.${peer}`), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }), undefined);
}

async function drainFanOut() {
  for (let i = 0; i < 20; i += 1) await fanOutNotifications(db);
}

async function senders(): Promise<NotifySenders> {
  const vapid = await getVapidKeys();
  return { push: (target, message) => sendPush({ target, message, vapid, subject: ORIGIN, allowedHosts: new Set(['127.0.0.1']) }), mail: sendNotificationMail };
}

async function runJob() {
  await drainFanOut();
  return sendQueuedNotifications(db, { now: new Date(), origin: ORIGIN, senders: await senders() });
}

async function openIncident() {
  const id = randomUUID();
  incidents.push(id);
  const t0 = new Date();
  await db.incident.create({ data: { id, platformId: PLATFORM, scope: 'national', level: 'detected', state: 'open', startedAt: t0 } });
  await db.incidentEvent.create({ data: { incidentId: id, at: t0, kind: 'started', data: {} } });
  await db.incidentEvent.create({ data: { incidentId: id, at: t0, kind: 'detected', data: {} } });
  return id;
}

async function closeIncident(id: string) {
  await db.incidentEvent.create({ data: { incidentId: id, at: new Date(), kind: 'closed', data: {} } });
}

function linkIn(mail: CaughtMail, path: string): string {
  const match = new RegExp(`https://ecole\\.example\\.org${path}\\?jeton=[A-Za-z0-9_-]+`).exec(decodeQuotedPrintable(mail.data));
  if (!match) throw new Error(`lien ${path} absent`);
  return match[0];
}

describe('push subscriptions', () => {
  test('serves the VAPID public key, never the private one', async () => {
    const res = await keyGet(new Request(`${ORIGIN}/api/notifications/cle`), undefined);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['publicKey']);
    expect(body.publicKey).toBe((await getVapidKeys()).publicKey);
  });

  test('an encrypted message that decrypts to « panne détectée » then « le service remarche », once each', async () => {
    const browser = createPushSubscriber();
    const res = await post({ channel: 'push', platformId: PLATFORM, locale: 'fr', subscription: { endpoint: `${base}/push/${randomUUID()}`, keys: browser.keys } });
    expect(res.status, await res.clone().text()).toBe(201);
    const id = await openIncident();
    await runJob();
    const mine = () => pushed.filter((p) => p.path.startsWith('/push/')).map((p) => JSON.parse(browser.decrypt(p.body)) as { title: string; body: string; url: string }).filter((m) => m.url.endsWith(id));
    expect(mine()).toEqual([{ title: 'Ma classe à la maison (CNED)\u00a0: panne détectée', body: expect.stringContaining('(CNED)') as string, url: `${ORIGIN}/incidents/${id}` }]);
    const last = pushed.at(-1);
    expect(last?.headers['content-encoding']).toBe('aes128gcm');
    expect(last?.headers.authorization).toMatch(/^vapid t=.+, k=/);
    await closeIncident(id);
    await runJob();
    await db.incidentEvent.create({ data: { incidentId: id, at: new Date(), kind: 'detected', data: {} } });
    await closeIncident(id);
    await runJob();
    expect(mine().map((m) => m.title)).toEqual(['Ma classe à la maison (CNED)\u00a0: panne détectée', 'Ma classe à la maison (CNED)\u00a0: le service remarche']);
  });

  test('a push service answering 410 deletes the subscription', async () => {
    const browser = createPushSubscriber();
    const endpoint = `${base}/gone/${randomUUID()}`;
    expect((await post({ channel: 'push', platformId: PLATFORM, locale: 'en', subscription: { endpoint, keys: browser.keys } })).status).toBe(201);
    await openIncident();
    await runJob();
    expect(await db.notifySubscription.count({ where: { endpoint } })).toBe(0);
  });

  test('an e-mail address left unconfirmed for a week is deleted, a confirmed recent one is kept', async () => {
    const email = `unconfirmed-${randomUUID()}@example.org`;
    await post({ channel: 'email', platformId: PLATFORM, email });
    const browser = createPushSubscriber();
    const endpoint = `${base}/push/kept-${randomUUID()}`;
    await post({ channel: 'push', platformId: PLATFORM, subscription: { endpoint, keys: browser.keys } });
    await purgeIdleNotifications(db, new Date(Date.now() + 8 * 24 * 3_600_000));
    expect(await db.notifySubscription.count({ where: { email } })).toBe(0);
    expect(await db.notifySubscription.count({ where: { endpoint } })).toBe(1);
  });
});

describe('e-mail subscriptions', () => {
  test('double opt-in, notification with a one-click unsubscribe link, unsubscribe deletes the row', async () => {
    const email = `parent-${randomUUID()}@example.org`;
    const res = await post({ channel: 'email', platformId: PLATFORM, locale: 'fr', email });
    expect(await res.json()).toEqual({ channel: 'email', pending: true });
    const confirmation = smtp.mails.find((m) => m.to.some((t) => t.includes(email)));
    expect(confirmation?.data).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    const quiet = await openIncident();
    await runJob();
    expect(smtp.mails.filter((m) => m.to.some((t) => t.includes(email)))).toHaveLength(1);
    await closeIncident(quiet);
    await runJob();

    const confirm = await confirmGet(new Request(linkIn(confirmation!, '/api/notifications/confirmer')), undefined);
    expect(confirm.status).toBe(200);
    const again = await confirmGet(new Request(linkIn(confirmation!, '/api/notifications/confirmer')), undefined);
    expect(again.status).toBe(404);
    const id = await openIncident();
    await runJob();
    const alert = smtp.mails.filter((m) => m.to.some((t) => t.includes(email)))[1];
    expect(decodeQuotedPrintable(alert?.data ?? '')).toContain(`/incidents/${id}`);
    const unsubscribe = linkIn(alert!, '/api/notifications/desabonner');
    expect((await unsubscribePost(new Request(unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click' }), undefined)).status).toBe(200);
    expect(await db.notifySubscription.count({ where: { email } })).toBe(0);
    expect((await unsubscribePost(new Request(unsubscribe, { method: 'POST' }), undefined)).status).toBe(200);
  });

  test('a plain form POST (no JavaScript) is redirected back to its page', async () => {
    const res = await post(new URLSearchParams({ platformId: PLATFORM, academyId: 'lille', locale: 'fr', email: `form-${randomUUID()}@example.org`, retour: '/plateformes/cned-ma-classe-a-la-maison' }).toString());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/plateformes/cned-ma-classe-a-la-maison?alerte=a-confirmer');
  });
});

describe('bad input and abuse', () => {
  test.each([
    [{ channel: 'email', platformId: PLATFORM, email: 'pas-une-adresse' }, 'invalid_input'],
    [{ channel: 'fax', platformId: PLATFORM }, 'invalid_input'],
    [{ channel: 'email', platformId: 'inconnu', email: 'a@example.org' }, 'invalid_input'],
    [{ channel: 'email', platformId: PLATFORM, email: 'a@example.org', extra: 1 }, 'invalid_input'],
  ])('refuses %j with %s and a French message', async (body, code) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(3);
  });

  test('an unknown or malformed token is a clear error', async () => {
    expect((await confirmGet(new Request(`${ORIGIN}/api/notifications/confirmer?jeton=court`), undefined)).status).toBe(400);
    expect((await confirmGet(new Request(`${ORIGIN}/api/notifications/confirmer?jeton=${'a'.repeat(32)}`), undefined)).status).toBe(404);
  });

  test('more than 10 subscriptions an hour from one connection are refused with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const browser = createPushSubscriber();
      statuses.push((await post({ channel: 'push', platformId: PLATFORM, subscription: { endpoint: `${base}/push/rl-${i}`, keys: browser.keys } }, { 'x-ecole-peer': peerHeaderValue('203.0.113.9') })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  test('subscriptions without an outage for six months are deleted', async () => {
    const browser = createPushSubscriber();
    const endpoint = `${base}/push/idle-${randomUUID()}`;
    await post({ channel: 'push', platformId: PLATFORM, subscription: { endpoint, keys: browser.keys } });
    await purgeIdleNotifications(db, new Date(Date.now() + 190 * 24 * 3_600_000));
    expect(await db.notifySubscription.count({ where: { endpoint } })).toBe(0);
  });
});
