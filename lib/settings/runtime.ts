import 'server-only';
import { getDb } from '@/lib/db/client';
import { readSettingRows } from '@/lib/db/settings';
import { env } from '@/lib/env';
import { withTimeout } from '@/lib/http/timeout';
import type { RuntimeSettings } from '@/lib/domain/settings';
import { applyOverrides, defaultSettings, parseOverrides, SETTING_KEYS } from './resolve';
import { componentLogger, errorMessage } from '@/lib/log/logger';

const log = componentLogger('settings');

/** A change made on another instance applies here within this delay (ms). */
export const SETTINGS_TTL_MS = 10_000;
const RETRY_AFTER_FAILURE_MS = 5_000;

type Holder = { entry?: { values: RuntimeSettings; expiresAt: number }; inflight?: Promise<RuntimeSettings>; generation: number };
// One cache per process, shared by the Next.js bundles and the fast path of scripts/serve.ts.
const holder = globalThis as unknown as { __runtimeSettings?: Holder };

function state(): Holder {
  holder.__runtimeSettings ??= { generation: 0 };
  return holder.__runtimeSettings;
}

/** The defaults of this instance: environment variables, else built-in constants. */
export function envDefaults(): RuntimeSettings {
  return defaultSettings({
    reportLimitPerMinute: env.REPORT_LIMIT_PER_MINUTE,
    powSurgeFloorPerMinute: env.POW_SURGE_FLOOR_PER_MINUTE,
    readLimitPerMinute: env.READ_LIMIT_PER_MINUTE,
    readLimitApiKeyPerMinute: env.READ_LIMIT_API_KEY_PER_MINUTE,
  });
}

function refresh(s: Holder): Promise<RuntimeSettings> {
  if (s.inflight) return s.inflight;
  const generation = s.generation;
  const load = withTimeout(readSettingRows(getDb(), SETTING_KEYS), env.DB_TIMEOUT_MS)
    .then((rows) => ({ values: applyOverrides(envDefaults(), parseOverrides(rows)), ttl: SETTINGS_TTL_MS }))
    .catch((error: unknown) => {
      log.error({ err: errorMessage(error) }, 'read failed, keeping the previous values or the defaults');
      return { values: s.entry?.values ?? envDefaults(), ttl: RETRY_AFTER_FAILURE_MS };
    })
    .then(({ values, ttl }) => {
      if (s.generation === generation) s.entry = { values, expiresAt: Date.now() + ttl };
      return values;
    })
    .finally(() => {
      if (s.inflight === load) s.inflight = undefined;
    });
  s.inflight = load;
  return load;
}

/**
 * Current runtime settings. The database is read at most once per SETTINGS_TTL_MS per process; past
 * that the previous values are served while one refresh runs, so hot paths never wait on it.
 */
export async function getRuntimeSettings(): Promise<RuntimeSettings> {
  const s = state();
  if (s.entry && Date.now() < s.entry.expiresAt) return s.entry.values;
  if (s.entry) {
    void refresh(s);
    return s.entry.values;
  }
  return refresh(s);
}

/** Forget the cached values (after a change made by this process). */
export function invalidateRuntimeSettings(): void {
  const s = state();
  s.generation += 1;
  s.entry = undefined;
  s.inflight = undefined;
}
