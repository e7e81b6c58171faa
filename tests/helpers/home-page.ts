import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { simulate } from '@/lib/simulate/generate';
import { writeSimulatedReports } from '@/lib/simulate/io/write-db';
import type { OutageSpec } from '@/lib/simulate/types';

const MIN = 60_000;
export const CNED = 'cned-ma-classe-a-la-maison';
export const ENT_IDF = 'monlycee-net';
const IDF = ['creteil', 'paris', 'versailles'];

/** Paris time on the replayed morning (a Tuesday in term time, far from the tests' "now"). */
export const paris = (hhmm: string) => new Date(`2024-11-19T${hhmm}:00+01:00`);

/**
 * A simulated morning written into the database: reports for CNED (national attack from 09:02) and
 * Monlycée.net (three académies from 09:10), with the incidents of the simulation's ground truth;
 * Monlycée.net is raised from « problème possible » to « panne » at 09:40.
 */
export async function seedReplayMorning(db: PrismaClient): Promise<void> {
  const outages: OutageSpec[] = [
    { id: 'e2e-cned', platformId: CNED, academies: 'national', start: paris('09:02').getTime(), end: paris('10:30').getTime(), extraPerMinute: 15, kind: 'attack' },
    { id: 'e2e-ent', platformId: ENT_IDF, academies: IDF, start: paris('09:10').getTime(), end: paris('10:40').getTime(), extraPerMinute: 6, kind: 'saturation', rampMinutes: 5 },
  ];
  const sim = simulate({ start: paris('07:00'), end: paris('11:00'), seed: 1119, platforms: [CNED, ENT_IDF], scenarios: [{ name: 'e2e-replay', outages }] });
  await writeSimulatedReports(db, sim.reports, { seed: 1119 });
  const detectedAfter: Record<string, number> = { 'e2e-cned': 4 * MIN, 'e2e-ent': 30 * MIN };
  for (const truth of sim.truth) {
    const academies = truth.academies === 'national' ? [] : truth.academies;
    await db.incident.create({
      data: {
        id: randomUUID(),
        platformId: truth.platformId,
        scope: truth.academies === 'national' ? 'national' : 'academies',
        level: 'detected',
        state: 'closed',
        startedAt: new Date(truth.start),
        detectedAt: new Date(truth.start + (detectedAfter[truth.id] ?? 0)),
        endedAt: new Date(truth.end),
        academies: { create: academies.map((academyId) => ({ academyId, joinedAt: new Date(truth.start), level: 'detected' })) },
      },
    });
  }
}

/** data-severity of every académie drawn on the map (metropolitan map and insets). */
export function mapSeverities(page: Page): Promise<Record<string, string>> {
  return page.$$eval('path.academy', (paths) =>
    Object.fromEntries(paths.map((p) => [p.getAttribute('data-academy') ?? '', p.getAttribute('data-severity') ?? ''])),
  );
}

/** data-severity of every row of the académie table. */
export function tableSeverities(page: Page): Promise<Record<string, string>> {
  return page.$$eval('.academy-table tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-academy') ?? '', r.getAttribute('data-severity') ?? ''])),
  );
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('path.academy[data-severity]').length === 30, null, { timeout: 30_000 });
}
