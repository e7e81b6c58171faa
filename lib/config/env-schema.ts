import { z } from 'zod';
import { LOG_LEVELS } from '../log/levels';
import { settingDefinition, type IntegerSettingDefinition, type SettingName } from '../domain/settings';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
    message:
      'doit être une URL PostgreSQL (postgresql://utilisateur:motdepasse@hôte:5432/base) / must be a postgresql:// URL',
  });

const port = z.coerce
  .number({ message: 'doit être un nombre / must be a number' })
  .int('doit être un entier / must be an integer')
  .min(1, 'doit être entre 1 et 65535 / must be 1-65535')
  .max(65535, 'doit être entre 1 et 65535 / must be 1-65535');


/** Optional default of an admin setting: the same bounds as the setting itself. */
function settingDefault(name: SettingName) {
  const d = settingDefinition(name) as IntegerSettingDefinition;
  const range = `doit être un entier entre ${d.min} et ${d.max} / must be an integer in ${d.min}-${d.max}`;
  return z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number({ message: range }).int(range).min(d.min, range).max(d.max, range).optional(),
  );
}

/** Every environment variable the app reads. `.env.example` documents each one. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), postgresUrl.optional()),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
  // Months of raw reports kept besides the current one; older monthly partitions are archived (unset: never).
  REPORT_RETENTION_MONTHS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ message: 'doit être un nombre de mois / must be a number of months' })
      .int('doit être un entier / must be an integer')
      .min(1, 'au moins 1 mois / at least 1 month')
      .max(1200, 'au plus 1200 mois / at most 1200 months')
      .optional(),
  ),
  // Folder of the archived months (gzip CSV); default DATA_DIR/archives.
  REPORT_ARCHIVE_DIR: optionalString,
  SECRETS_DIR: optionalString,
  EMBEDDED_DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), postgresUrl.optional()),
  EMBEDDED_DB_PORT: z.preprocess((v) => (v === '' ? undefined : v), port.optional()),
  // PGlite touches its shared buffers at start: each MB here is a MB resident (default in lib/db/embedded/owner.ts).
  EMBEDDED_DB_SHARED_BUFFERS: z
    .string()
    .trim()
    .regex(/^\d{1,5}MB$/, 'une taille en Mo, par ex. 32MB / a size in MB, e.g. 32MB')
    .optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2500),
  POW_SECRET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(32, 'doit faire au moins 32 caractères / must be at least 32 characters').optional(),
  ),
  LEDGER_SIGNING_KEY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, {
        message: 'doit être 32 octets en base64 / must be 32 bytes in base64',
      })
      .optional(),
  ),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  REDIS_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => /^rediss?:\/\/.+/.test(v), {
        message: 'doit être une URL redis:// / must be a redis:// URL',
      })
      .optional(),
  ),
  TILE_URL: optionalString,
  TILE_ATTRIBUTION: optionalString,
  POW_MODE: z.enum(['auto', 'off', 'always']).default('auto'),
  POW_SURGE_FLOOR_PER_MINUTE: settingDefault('powSurgeFloorPerMinute'),
  REPORT_LIMIT_PER_MINUTE: settingDefault('reportLimitPerMinute'),
  READ_LIMIT_PER_MINUTE: settingDefault('readLimitPerMinute'),
  READ_LIMIT_API_KEY_PER_MINUTE: settingDefault('readLimitApiKeyPerMinute'),
  // Sign-in attempts per client address per 15 minutes (one address cannot spray many accounts).
  LOGIN_LIMIT_PER_SOURCE: z.coerce.number().int().min(1).max(100_000).default(30),
  INGEST_BATCH_MAX: z.coerce.number().int().min(1).max(2000).default(200),
  INGEST_BATCH_WRITERS: z.coerce.number().int().min(1).max(64).default(1),
  MAX_INFLIGHT_REQUESTS: z.coerce.number().int().min(1).max(100_000).default(512),
  DETECTOR: z.enum(['on', 'off']).default('on'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  LISTEN_BACKLOG: z.coerce.number().int().min(1).max(65_535).default(511),
  LIVE_BUS: z.enum(['auto', 'memory', 'postgres', 'redis']).default('auto'),
  LIVE_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  /** Live fan-out pacing (lib/live/hub.ts): socket writes per second one instance aims to stay under. */
  LIVE_FLUSH_WRITES_PER_SECOND: z.coerce.number().int().min(100).max(1_000_000).default(4000),
  LIVE_MAX_PER_SOURCE: z.coerce.number().int().min(1).max(10_000).default(6),
  LIVE_RESERVE_FOR_NEW_SOURCES: z.coerce.number().int().min(0).max(1_000_000).default(250),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  BODY_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  MAX_CONNECTIONS_PER_SOURCE: z.coerce.number().int().min(1).max(1_000_000).default(256),
  MAX_PENDING_BODIES_PER_SOURCE: z.coerce.number().int().min(1).max(100_000).default(16),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  NEXTAUTH_SECRET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(32, 'doit faire au moins 32 caractères / must be at least 32 characters').optional(),
  ),
  NEXTAUTH_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => /^https?:\/\/[^/]+/.test(v), {
        message: 'doit être l’URL publique du site (https://…) / must be the public http(s) URL',
      })
      .optional(),
  ),
  OIDC_ISSUER: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => /^https?:\/\/.+/.test(v), { message: 'doit être une URL https:// / must be an https URL' })
      .optional(),
  ),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString,
  EMAIL_SERVER: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => /^smtps?:\/\/.+/.test(v), { message: 'doit être une URL smtp:// ou smtps:// / must be an smtp URL' })
      .optional(),
  ),
  EMAIL_FROM: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly variables: string[], message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Parses raw variables; the error names every bad variable, in French and English. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    return `  - ${name} : ${issue.message}`;
  });
  const names = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '?')))];
  return fail(
    names,
    `Configuration invalide / invalid configuration (variables d’environnement) :\n${lines.join('\n')}\nVoir .env.example.`,
  );
}

function fail(names: string[], message: string): never {
  throw new EnvError(names, message);
}
