import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFallbackBaseline, type BaselineModel } from '@/lib/detect/baseline';
import { listServedAcademies } from '@/lib/db/detection';
import { readPlatformBaselines, saveBaselineLevels, saveBaselines } from '@/lib/db/series';
import { runDetection } from '@/lib/detect/run-detection';
import type { PlatformBaselines } from '@/lib/domain/detection';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { preparedDatabase } from '../../helpers/fresh-database';

const MIN = 60_000;
const PLATFORM = 'pronote';
const SHIFTED = 'lille';
const now = new Date('2032-05-11T14:00:30Z');
let db: PrismaClient;
let database: Awaited<ReturnType<typeof preparedDatabase>> | undefined;
let baselines: PlatformBaselines;

function flatModel(academyId: string, rate: number): BaselineModel {
  const model = createFallbackBaseline(academyId);
  return { ...model, rates: model.rates.map(() => rate), uncertainty: model.uncertainty.map(() => 0.01), dispersion: 0.05, isFallback: false };
}

beforeAll(async () => {
  database = await preparedDatabase();
  db = database.db;
  const academies = (await listServedAcademies(db)).get(PLATFORM)?.academies ?? [];
  const models = academies.map((id) => flatModel(id, id === SHIFTED ? 2 : 0.2));
  baselines = { shape: models[0]!, academies: Object.fromEntries(models.map((m) => [m.academyId, m])), totalDispersion: 0.05 };
  // Lille's service now has ten times its learned level, for the whole six-hour window and before.
  const from = now.getTime() - (now.getTime() % MIN) - 8 * 60 * MIN;
  await db.reportCount.createMany({
    data: Array.from({ length: 8 * 60 }, (_, i) => ({ platformId: PLATFORM, academyId: SHIFTED, bucketStart: new Date(from + i * MIN), reports: 20, reporters: 20 })),
  });
}, 180_000);

afterAll(() => database?.close());

describe('saveBaselineLevels', () => {
  test('keeps the adopted levels with the stored baselines, leaving the models and their learning date alone', async () => {
    const learnedAt = new Date('2032-05-11T03:00:00Z');
    await saveBaselines(db, 'ecoledirecte', baselines, learnedAt);
    const levels = { [SHIFTED]: [{ since: Date.parse('2032-05-10T07:00:00Z'), factor: 2.5 }], national: [{ since: Date.parse('2032-05-10T08:00:00Z'), factor: 1.4 }] };
    await saveBaselineLevels(db, 'ecoledirecte', levels);
    const stored = await readPlatformBaselines(db, 'ecoledirecte');
    expect(stored?.learnedAt).toEqual(learnedAt);
    expect(stored?.baselines).toEqual({ ...baselines, levels });
  });
});

describe('runDetection with a change of level adopted on an earlier day', () => {
  test('the stored level is used: the raised series is no outage', async () => {
    await saveBaselines(db, PLATFORM, { ...baselines, levels: { [SHIFTED]: [{ since: Date.parse('2032-05-10T07:00:00Z'), factor: 10 }] } }, now);
    const run = await runDetection(db, { now });
    expect(run.created).toBe(0);
    expect(await db.incident.count({ where: { platformId: PLATFORM } })).toBe(0);
  });

  test('without it, the same counts open an incident', async () => {
    await saveBaselines(db, PLATFORM, baselines, now);
    const run = await runDetection(db, { now });
    expect(run.created).toBeGreaterThan(0);
    expect(await db.incident.count({ where: { platformId: PLATFORM } })).toBeGreaterThan(0);
  });
});
