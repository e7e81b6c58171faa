import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { launchBrowser } from './browser';
import { connectE2eDatabase } from './e2e-accounts';
import { startSimulatedApp } from './simulated-data';

/** A browser for the suite, closed after it (pages against the server of the e2e global setup). */
export function useBrowserSuite(): { browser: Browser } {
  const suite = {} as { browser: Browser };
  beforeAll(async () => {
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
  });
  return suite;
}

export type E2eSuite = { base: string; db: PrismaClient; browser: Browser };

/**
 * Hooks of a browser suite against the server of the e2e global setup: its address, a client on its
 * database and a browser, all closed after the suite. `seed` writes the suite's data before the browser starts.
 * The fields are set in beforeAll: read them inside hooks and tests only.
 */
export function useE2eSuite(opts: { seed?: (db: PrismaClient) => Promise<void>; timeout?: number } = {}): E2eSuite {
  const suite = {} as E2eSuite;
  beforeAll(async () => {
    suite.base = inject('baseUrl');
    suite.db = connectE2eDatabase(inject('dataDir'));
    await opts.seed?.(suite.db);
    suite.browser = await launchBrowser();
  }, opts.timeout);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.db?.$disconnect();
  });
  return suite;
}

export type SimulatedSuite = { browser: Browser; app: Awaited<ReturnType<typeof startSimulatedApp>> };

/**
 * Hooks of a browser suite against its own app server on simulated history (`startSimulatedApp`),
 * started alongside the browser and stopped after the suite. Read the fields inside hooks and tests only.
 */
export function useSimulatedSuite(opts: Parameters<typeof startSimulatedApp>[0]): SimulatedSuite {
  const suite = {} as SimulatedSuite;
  beforeAll(async () => {
    [suite.browser, suite.app] = await Promise.all([launchBrowser(), startSimulatedApp(opts)]);
  }, 600_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.stop();
  });
  return suite;
}
