import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuthSession } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { createWebhookRow } from '@/lib/db/webhooks';
import { sendWebhook } from '@/lib/webhooks/deliver';
import { deliverDueWebhooks, fanOutWebhooks, type DisabledNotice } from '@/lib/webhooks/dispatch';
import { DISABLE_AFTER_FAILURES } from '@/lib/webhooks/schedule';
import { verifySignature } from '@/lib/webhooks/signature';
import { createWebhook } from '@/lib/webhooks/subscriptions';
import { createTestUser } from '../auth/support';

const db = getDb();
type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let server: http.Server;
let base = '';
let ownerId = '';
let ownerEmail = '';
const incidents: string[] = [];
const subs: string[] = [];
const LOCAL = new Set(['127.0.0.1']);
const send = (allowed: ReadonlySet<string>) => (input: Parameters<typeof sendWebhook>[0] extends infer P ? Omit<P & object, 'allowedHosts'> : never) => sendWebhook({ ...input, allowedHosts: allowed });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode = req.url?.startsWith('/fail') ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { user } = await createTestUser({ roles: ['journalist'] });
  ownerId = user.id;
  ownerEmail = user.email;
});

afterAll(async () => {
  await db.webhookSubscription.deleteMany({ where: { id: { in: subs } } });
  await db.incidentEvent.deleteMany({ where: { incidentId: { in: incidents } } });
  await db.incidentAcademy.deleteMany({ where: { incidentId: { in: incidents } } });
  await db.incident.deleteMany({ where: { id: { in: incidents } } });
  await new Promise((r) => server.close(r));
});

async function subscribe(url: string, filter: { platformIds?: string[]; academyIds?: string[] } = {}) {
  const row = await db.$transaction((tx) =>
    createWebhookRow(tx, { ownerId, url, secret: `whsec_${randomUUID()}`, platformIds: filter.platformIds ?? [], academyIds: filter.academyIds ?? [], events: ['opened', 'level_changed', 'academy_joined', 'closed'], locale: 'fr' }),
  );
  subs.push(row.id);
  return row;
}

async function incidentWithTimeline(platformId: string, t0: Date) {
  const id = randomUUID();
  incidents.push(id);
  await db.incident.create({ data: { id, platformId, scope: 'academies', level: 'detected', state: 'closed', startedAt: t0, endedAt: new Date(t0.getTime() + 3_600_000) } });
  await db.incidentAcademy.create({ data: { incidentId: id, academyId: 'lille', joinedAt: t0, level: 'detected' } });
  const at = (m: number) => new Date(t0.getTime() + m * 60_000);
  for (const [m, kind, data] of [[0, 'started', {}], [3, 'detected', {}], [3, 'academy_joined', { academyId: 'lille' }], [4, 'peak', {}], [60, 'closed', {}]] as const) {
    await db.incidentEvent.create({ data: { incidentId: id, at: at(m), kind, data } });
  }
  return id;
}

describe('webhooks', () => {
  test('incident events reach a matching subscriber once each, signed, in order; other services are filtered out', async () => {
    const sub = await subscribe(`${base}/ok`, { platformIds: ['ent-hauts-de-france'] });
    const id = await incidentWithTimeline('ent-hauts-de-france', new Date('2021-04-06T06:30:00Z'));
    await incidentWithTimeline('pronote', new Date('2021-04-06T06:40:00Z'));
    const now = new Date();
    expect(await fanOutWebhooks(db, { now, origin: 'https://ecole.example.org' })).toBe(4);
    expect(await fanOutWebhooks(db, { now, origin: 'https://ecole.example.org' })).toBe(0);
    const result = await deliverDueWebhooks(db, { now, send: send(LOCAL), notify: async () => {} });
    expect(result).toEqual({ delivered: 4, failed: 0 });
    const mine = received.filter((r) => r.path === '/ok');
    expect(mine.map((r) => JSON.parse(r.body).type)).toEqual(['incident.opened', 'incident.level_changed', 'incident.academy_joined', 'incident.closed']);
    for (const r of mine) {
      expect(verifySignature({ secret: sub.secret, body: r.body, header: String(r.headers['x-ecole-signature']), nowSeconds: Math.floor(now.getTime() / 1000) })).toBe(true);
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    const joined = JSON.parse(mine[2]?.body ?? '{}');
    expect(joined).toMatchObject({ academyId: 'lille', incident: { id, platformId: 'ent-hauts-de-france', url: `https://ecole.example.org/incidents/${id}` } });
    expect((await deliverDueWebhooks(db, { now, send: send(LOCAL), notify: async () => {} })).delivered).toBe(0);
    expect(received.filter((r) => r.path === '/ok')).toHaveLength(4);
  });

  test('a failing subscriber is retried with back-off, then switched off and its owner told', async () => {
    const sub = await subscribe(`${base}/fail`, { platformIds: ['educonnect'] });
    const t0 = new Date('2021-04-06T07:00:00Z');
    const id = randomUUID();
    incidents.push(id);
    await db.incident.create({ data: { id, platformId: 'educonnect', scope: 'national', level: 'possible', state: 'open', startedAt: t0 } });
    await db.incidentEvent.create({ data: { incidentId: id, at: t0, kind: 'started', data: {} } });
    let now = new Date();
    await fanOutWebhooks(db, { now, origin: null });
    const notices: DisabledNotice[] = [];
    const notify = async (n: DisabledNotice) => void notices.push(n);
    await deliverDueWebhooks(db, { now, send: send(LOCAL), notify });
    const first = await db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: sub.id } });
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });
    expect(first.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);
    expect((await deliverDueWebhooks(db, { now, send: send(LOCAL), notify })).failed).toBe(0);
    for (let i = 1; i < DISABLE_AFTER_FAILURES; i += 1) {
      const due = await db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: sub.id } });
      now = new Date(due.nextAttemptAt.getTime() + 1);
      await deliverDueWebhooks(db, { now, send: send(LOCAL), notify });
    }
    const disabled = await db.webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(disabled).toMatchObject({ active: false, consecutiveFailures: DISABLE_AFTER_FAILURES });
    expect(notices).toEqual([{ email: ownerEmail, url: `${base}/fail`, reason: `${DISABLE_AFTER_FAILURES} échecs de remise consécutifs.` }]);
    expect(received.filter((r) => r.path === '/fail')).toHaveLength(DISABLE_AFTER_FAILURES);
  });

  test('SSRF: loopback, and a name resolving to loopback, are refused unless an admin allowed the host', async () => {
    const port = (server.address() as AddressInfo).port;
    const before = received.length;
    for (const url of [`http://127.0.0.1:${port}/ssrf`, `http://localhost:${port}/ssrf`, `http://[::1]:${port}/ssrf`, 'http://169.254.169.254/latest/meta-data']) {
      const r = await sendWebhook({ url, secret: 's', body: '{}', event: 'opened', deliveryId: 'd', allowedHosts: new Set(), now: new Date() });
      expect(r.ok, url).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/adresse privée, locale ou de lien local|aucune adresse/);
    }
    expect(received.length).toBe(before);
    const session: AuthSession = { sessionId: 's', userId: ownerId, email: ownerEmail, name: null, roles: ['journalist'], mfa: true, totpEnabled: false };
    await expect(createWebhook(session, { url: `http://localhost:${port}/x`, platformIds: [], academyIds: [], events: ['opened'], locale: 'fr' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(createWebhook(session, { url: 'https://hooks.example.org/x', platformIds: ['inconnu'], academyIds: [], events: ['opened'], locale: 'fr' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
