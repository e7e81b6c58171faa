import { peerHeaderValue } from '@/lib/http/peer';
import { randomBytes, randomUUID } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';

// One machine must not count as many reporters; real people behind a few carrier addresses must.
const db = createPrismaClient({ url: inject('databaseUrl'), kind: inject('databaseKind') });
const MIN = 60_000;
const DAY_START = new Date('2031-03-04T00:00:00Z');
const DAY_END = new Date('2031-03-05T00:00:00Z');
const ACADEMY = 'nantes';
const PLATFORMS = { rotation: 'beneylu-school', paidProofs: 'neo', carriers: 'scolarite-services' } as const;
// Every browser family × platform the old fingerprint told apart, and a few more strings.
const BROWSERS = ['Chrome/126.0', 'Firefox/127.0', 'Version/17.4 Safari/605.1.15', 'Chrome/126.0 Edg/126.0', 'SamsungBrowser/25.0 Chrome/121.0', 'Chrome/126.0 OPR/111.0', 'Lynx/2.9'];
const SYSTEMS = ['Linux; Android 14', 'iPhone; CPU iPhone OS 17_4 like Mac OS X', 'Windows NT 10.0; Win64; x64'];
const USER_AGENTS = Array.from({ length: 20 }, (_, i) => `Mozilla/5.0 (${SYSTEMS[i % 3]}) AppleWebKit/537.36 (KHTML, like Gecko) ${BROWSERS[i % 7]}`);

type Modules = {
  submit: typeof import('@/lib/ingest/submission').handleReportSubmission;
  challenge: typeof import('@/lib/ingest/proof-of-work').currentPowChallenge;
  runDetection: typeof import('@/lib/detect/run-detection').runDetection;
};
let m: Modules;

beforeAll(async () => {
  vi.resetModules();
  process.env.POW_MODE = 'auto';
  delete (globalThis as { __ingest?: unknown }).__ingest;
  const [{ handleReportSubmission }, { currentPowChallenge }, { runDetection }, { getIngestRuntime }, { createPowConfig }, { createSharedSurge }, { getDb }] =
    await Promise.all([
      import('@/lib/ingest/submission'),
      import('@/lib/ingest/proof-of-work'),
      import('@/lib/detect/run-detection'),
      import('@/lib/ingest/runtime'),
      import('@/lib/pow/challenge'),
      import('@/lib/pow/shared-surge'),
      import('@/lib/db/client'),
    ]);
  const runtime = getIngestRuntime();
  // The real verifier and stores with a cheap puzzle (a phone spends 1–3 s per default one), and a
  // surge switch of this suite's own so that parallel suites do not see each other's traffic.
  const config = createPowConfig(randomBytes(32).toString('hex'), { cost: 10, counterMin: 5, counterMax: 20 });
  runtime.pow = () => Promise.resolve(config);
  runtime.surge = createSharedSurge(getDb(), { id: `forged-${randomUUID()}` });
  m = { submit: handleReportSubmission, challenge: currentPowChallenge, runDetection };
});

afterAll(async () => {
  const range = { gte: DAY_START, lt: DAY_END };
  const platforms = Object.values(PLATFORMS);
  const incidents = await db.incident.findMany({ where: { platformId: { in: platforms }, startedAt: range }, select: { id: true } });
  const ids = incidents.map((i) => i.id);
  await db.incidentEvent.deleteMany({ where: { incidentId: { in: ids } } });
  await db.incidentAcademy.deleteMany({ where: { incidentId: { in: ids } } });
  await db.incident.deleteMany({ where: { id: { in: ids } } });
  await db.report.deleteMany({ where: { platformId: { in: platforms }, createdAt: range } });
  await db.reportCount.deleteMany({ where: { platformId: { in: platforms }, bucketStart: range } });
  await db.reportCategoryCount.deleteMany({ where: { platformId: { in: platforms }, bucketStart: range } });
  await db.baseline.deleteMany({ where: { platformId: { in: platforms }, learnedAt: range } });
  await db.fingerprintKey.deleteMany({ where: { day: '2031-03-04' } });
  await db.$disconnect();
  process.env.POW_MODE = 'off';
  delete (globalThis as { __ingest?: unknown }).__ingest;
});

type Client = { ip: string; userAgent: string; deviceToken: string; solvesProofs: boolean };

function issueCode(error: unknown): string | undefined {
  return (error as { details?: { issues?: Array<{ code: string }> } }).details?.issues?.[0]?.code;
}

async function solve(now: Date): Promise<string> {
  const { challenge } = (await m.challenge({ now, requested: true })) as { challenge: Challenge };
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 10_000 });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** What the report client does: send, and when asked for a proof of work, solve one and send again. */
async function report(client: Client, platform: string, now: Date): Promise<number> {
  const body = JSON.stringify({ platform, academy: ACADEMY, category: 'login', idempotencyKey: randomUUID(), deviceToken: client.deviceToken });
  const headers = new Headers({ 'content-type': 'application/json', 'x-ecole-peer': peerHeaderValue(client.ip), 'user-agent': client.userAgent });
  try {
    return (await m.submit({ headers, body, now })).status;
  } catch (error) {
    if (issueCode(error) !== 'pow_required' || !client.solvesProofs) return (error as { status?: number }).status ?? 500;
    headers.set('x-altcha', await solve(now));
    try {
      return (await m.submit({ headers, body, now })).status;
    } catch (retryError) {
      return (retryError as { status?: number }).status ?? 500;
    }
  }
}

async function detectAcross(from: Date, minutes: number): Promise<void> {
  const cache = new Map();
  for (let t = from.getTime() + 5 * MIN; t <= from.getTime() + minutes * MIN; t += 5 * MIN) await m.runDetection(db, { now: new Date(t), cache });
}

async function incidentsOf(platform: string) {
  return db.incident.findMany({ where: { platformId: platform, startedAt: { gte: DAY_START, lt: DAY_END } } });
}

async function distinctReportersOf(platform: string): Promise<number> {
  return db.report.count({ where: { platformId: platform, createdAt: { gte: DAY_START, lt: DAY_END }, distinctReporter: true, counted: true } });
}

const token = () => randomBytes(12).toString('base64url');

describe('one address cannot open an outage', () => {
  test('20 User-Agents and a fresh device token per report, 200 reports in 10 minutes: at most 3 reporters, no incident', async () => {
    const start = new Date('2031-03-04T08:00:00Z');
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const client = { ip: '203.0.113.66', userAgent: USER_AGENTS[i % USER_AGENTS.length] ?? '', deviceToken: token(), solvesProofs: false };
      statuses.push(await report(client, PLATFORMS.rotation, new Date(start.getTime() + i * 3_000)));
    }
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(await distinctReportersOf(PLATFORMS.rotation)).toBeLessThanOrEqual(3);
    await detectAcross(start, 40);
    expect(await incidentsOf(PLATFORMS.rotation)).toEqual([]);
  });

  test('the same address paying a proof of work for each of 150 device tokens is never a « panne détectée »', async () => {
    const start = new Date('2031-03-04T11:00:00Z');
    for (let i = 0; i < 150; i += 1) {
      const client = { ip: '203.0.113.66', userAgent: USER_AGENTS[i % USER_AGENTS.length] ?? '', deviceToken: token(), solvesProofs: true };
      expect(await report(client, PLATFORMS.paidProofs, new Date(start.getTime() + i * 4_000))).toBe(201);
    }
    expect(await distinctReportersOf(PLATFORMS.paidProofs)).toBe(150);
    await detectAcross(start, 40);
    const incidents = await incidentsOf(PLATFORMS.paidProofs);
    expect(incidents.map((i) => i.level)).not.toContain('detected');
    const raised = await db.incidentEvent.count({ where: { incidentId: { in: incidents.map((i) => i.id) }, kind: 'detected' } });
    expect(raised).toBe(0);
    expect(incidents.every((i) => i.networkCount <= 1)).toBe(true);
  });
});

describe('people behind shared carrier addresses still open one', () => {
  test('300 users behind 3 carrier addresses, each solving the proof of work when asked: detected, 300 reporters, 3 networks', async () => {
    const start = new Date('2031-03-04T14:00:00Z');
    const carriers = ['80.12.34.56', '92.184.10.20', '176.130.5.6'];
    const users: Client[] = Array.from({ length: 300 }, (_, i) => ({
      ip: carriers[i % 3] ?? '',
      userAgent: USER_AGENTS[i % 7] ?? '',
      deviceToken: token(),
      solvesProofs: true,
    }));
    const statuses: number[] = [];
    for (const [i, user] of users.entries()) statuses.push(await report(user, PLATFORMS.carriers, new Date(start.getTime() + i * 2_000)));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect(await distinctReportersOf(PLATFORMS.carriers)).toBe(300);
    await detectAcross(start, 30);
    const incidents = await incidentsOf(PLATFORMS.carriers);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ level: 'detected', networkCount: 3 });
    expect(incidents[0]?.reporterCount).toBe(300);
  });
});
