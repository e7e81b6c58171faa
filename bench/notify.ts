/*
 * Notification bench (npm run bench:notify): N push subscriptions to CNED (default 100,000) and a few
 * thousand e-mail ones, one incident opens; the notify job fans out and sends to a local push endpoint
 * (real web-push encryption + VAPID signature) and a local SMTP catcher. Meanwhile single-report intake
 * runs; its p50/p99 are compared with the same intake measured just before, with nothing else running.
 * Writes bench/results/notify.{json,md}.   Options: --subs 100000 --emails 2000
 */
import http from 'node:http';
import os from 'node:os';
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import webpush from 'web-push';
import { startSmtpCatcher } from '../tests/helpers/smtp-catcher';
import { freePort, startPostgres } from './lib/postgres';
import { percentile } from './lib/stats';
import { writeResults, type Row } from './lib/table';

const PLATFORM = 'cned-ma-classe-a-la-maison';
const { values } = parseArgs({ options: { subs: { type: 'string', default: '100000' }, emails: { type: 'string', default: '2000' } } });
const SUBS = Number(values.subs);
const EMAILS = Number(values.emails);

async function main() {
  const pgServer = await startPostgres();
  if (!pgServer) throw new Error('PostgreSQL 15 introuvable (ou BENCH_DATABASE_URL).');
  const smtpPort = await freePort();
  process.env.DATABASE_URL = pgServer.url;
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${smtpPort}?pool=true&maxConnections=5`;
  process.env.EMAIL_FROM = 'alertes@ecole.example.org';
  process.env.NEXTAUTH_URL = 'https://ecole.example.org';
  const { prepareDatabase } = await import('../lib/setup/prepare-database');
  const { createPrismaClient } = await import('../lib/db/create-client');
  const { insertReportBatch } = await import('../lib/db/reports');
  const { fanOutNotifications, sendQueuedNotifications } = await import('../lib/notify/dispatch');
  const { sendPush } = await import('../lib/notify/push');
  const { sendNotificationMail } = await import('../lib/notify/mail');
  const smtp = await startSmtpCatcher(smtpPort);
  let pushes = 0;
  const push = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      pushes += 1;
      res.statusCode = 201;
      res.end();
    });
  });
  await new Promise<void>((r) => push.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(push.address() as AddressInfo).port}`;
  try {
    await prepareDatabase({ url: pgServer.url, kind: 'postgresql', seed: true });
    const db = createPrismaClient({ url: pgServer.url, kind: 'postgresql', timeoutMs: 120_000 });
    const ecdh = createECDH('prime256v1');
    const p256dh = ecdh.generateKeys().toString('base64url');
    const auth = randomBytes(16).toString('base64url');
    await db.$executeRaw`
      INSERT INTO notify_subscription (id, platform_id, locale, channel, endpoint, p256dh, auth, unsubscribe_token, confirmed_at, last_notified_at, updated_at)
      SELECT gen_random_uuid(), ${PLATFORM}, CASE WHEN g % 5 = 0 THEN 'en' ELSE 'fr' END, 'push', ${base} || '/p/' || g, ${p256dh}, ${auth}, md5(g::text || 'u'), now(), now(), now()
      FROM generate_series(1, ${SUBS}) g`;
    await db.$executeRaw`
      INSERT INTO notify_subscription (id, platform_id, locale, channel, email, unsubscribe_token, confirmed_at, last_notified_at, updated_at)
      SELECT gen_random_uuid(), ${PLATFORM}, 'fr', 'email', 'parent' || g || '@example.org', md5(g::text || 'e'), now(), now(), now()
      FROM generate_series(1, ${EMAILS}) g`;
    await fanOutNotifications(db);

    const intake = async (untilDone: () => boolean, minSamples: number) => {
      const samples: number[] = [];
      while (!untilDone() || samples.length < minSamples) {
        const t = performance.now();
        await insertReportBatch(db, [{ id: randomUUID(), platformId: 'pronote', academyId: 'paris', category: 'login', role: null, comment: null, observedAt: null, idempotencyKey: randomUUID(), sourceFingerprint: randomUUID(), deviceTokenHash: null, networkFingerprint: null, counted: true, distinctReporter: true, flagReason: null, createdAt: new Date() }]);
        samples.push(performance.now() - t);
      }
      return samples;
    };
    const baseline = await intake(() => true, 2000);

    const incidentId = randomUUID();
    const now = new Date();
    await db.incident.create({ data: { id: incidentId, platformId: PLATFORM, scope: 'national', level: 'detected', state: 'open', startedAt: now } });
    await db.incidentEvent.create({ data: { incidentId, at: now, kind: 'started', data: {} } });
    const vapid = webpush.generateVAPIDKeys();
    const senders = {
      push: (target: Parameters<typeof sendPush>[0]['target'], message: Parameters<typeof sendPush>[0]['message']) => sendPush({ target, message, vapid, subject: 'https://ecole.example.org', allowedHosts: new Set(['127.0.0.1']) }),
      mail: sendNotificationMail,
    };
    let done = false;
    const load: number[] = [];
    const loadTimer = setInterval(() => load.push(os.loadavg()[0] ?? 0), 1000);
    const t0 = performance.now();
    const job = (async () => {
      const queued = await fanOutNotifications(db);
      const fanOutMs = performance.now() - t0;
      let sent = 0;
      let failed = 0;
      for (;;) {
        const r = await sendQueuedNotifications(db, { now: new Date(), origin: 'https://ecole.example.org', senders });
        if (r.sent + r.failed + r.gone === 0) break;
        sent += r.sent;
        failed += r.failed + r.gone;
      }
      done = true;
      return { queued, fanOutMs, sent, failed, totalMs: performance.now() - t0 };
    })();
    const during = await intake(() => done, 200);
    const result = await job;
    clearInterval(loadTimer);
    const ms = (v: number) => Number(v.toFixed(2));
    const rows: Row[] = [
      { measure: 'subscriptions (push + e-mail)', value: SUBS + EMAILS },
      { measure: 'messages queued (one INSERT … SELECT)', value: result.queued },
      { measure: 'fan-out time (ms)', value: ms(result.fanOutMs) },
      { measure: 'messages sent', value: result.sent },
      { measure: 'messages failed', value: result.failed },
      { measure: 'push requests received', value: pushes },
      { measure: 'e-mails received', value: smtp.mails.length },
      { measure: 'total time (s)', value: ms(result.totalMs / 1000) },
      { measure: 'subscriptions notified per second', value: Math.round(result.sent / (result.totalMs / 1000)) },
      { measure: 'intake p50 alone (ms)', value: ms(percentile(baseline, 50)) },
      { measure: 'intake p99 alone (ms)', value: ms(percentile(baseline, 99)) },
      { measure: 'intake p50 during the job (ms)', value: ms(percentile(during, 50)) },
      { measure: 'intake p99 during the job (ms)', value: ms(percentile(during, 99)) },
      { measure: 'intake p99 ratio (during / alone)', value: ms(percentile(during, 99) / percentile(baseline, 99)) },
      { measure: 'machine load (1-min average, mean over the run)', value: ms(load.reduce((a, b) => a + b, 0) / Math.max(1, load.length)) },
      { measure: 'cores', value: os.cpus().length },
    ];
    writeResults('notify', 'Notifications: 100,000 subscribers to CNED, one incident opens', rows, { subs: SUBS, emails: EMAILS, loadSamples: load });
    await db.$disconnect();
  } finally {
    await new Promise((r) => push.close(r));
    await smtp.close();
    pgServer.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
