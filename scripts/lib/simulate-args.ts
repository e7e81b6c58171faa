import { z } from 'zod';
import { wallClockToInstant } from '@/lib/calendar/time-zones';

export const CLI_SCENARIOS = ['2021-04-06', 'random', 'spam', 'none'] as const;
export type CliScenario = (typeof CLI_SCENARIOS)[number];

export type SimulateCliOptions = {
  start: Date;
  end: Date;
  scenario: CliScenario;
  seed: number;
  scale: number;
  target: 'db' | 'api';
  apiUrl: string | null;
  /** Reports per second in API mode. */
  rate: number;
};

export type ParseSimulateArgsResult =
  | { status: 'ok'; options: SimulateCliOptions }
  | { status: 'help'; usage: string }
  | { status: 'error'; error: string; usage: string };

export const SIMULATE_USAGE = `Usage : npm run simulate -- [options]
  --scenario 2021-04-06|random|spam|none   scénario injecté (défaut 2021-04-06)
  --from, --to AAAA-MM-JJ[THH:MM+02:00]    fenêtre simulée (date seule = minuit, heure de Paris)
  --weeks N          semaines de trafic normal avant le scénario (défaut 4 pour 2021-04-06, sinon 1)
  --seed N           graine (défaut 1)        --scale X   multiplie les volumes (défaut 1)
  --target db|api    destination (défaut db)  --api-url URL   obligatoire avec --target api
  --rate N           signalements par seconde en mode api (défaut 20)`;

const FLAGS = ['from', 'to', 'weeks', 'scenario', 'seed', 'scale', 'target', 'api-url', 'rate'];
const DAY_MS = 86_400_000;
const MAX_WINDOW_DAYS = 366;
const SCENARIO_2021 = { firstDay: '2021-04-06', endDay: '2021-04-08' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch ms of local midnight in Paris on a 'YYYY-MM-DD' date. */
function parisMidnight(day: string): number {
  return wallClockToInstant(Date.parse(`${day}T00:00:00Z`), 'Europe/Paris');
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isRealDate(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

function isoDate(flag: string) {
  const message = `--${flag} : date ISO attendue (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM+02:00)`;
  return z
    .string()
    .regex(ISO_DATE, message)
    .refine((v) => isRealDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)), message)
    .transform((v) => (DATE_ONLY.test(v) ? parisMidnight(v) : Date.parse(v)));
}

function numberFlag(flag: string) {
  return z.coerce.number({ error: `--${flag} doit être un nombre` });
}

const rawSchema = z
  .object({
    from: isoDate('from').optional(),
    to: isoDate('to').optional(),
    weeks: numberFlag('weeks')
      .int('--weeks doit être un entier')
      .min(0, '--weeks doit être positif')
      .max(52, '--weeks : 52 au plus')
      .optional(),
    scenario: z
      .enum(CLI_SCENARIOS, { error: '--scenario doit valoir 2021-04-06, random, spam ou none' })
      .default('2021-04-06'),
    seed: numberFlag('seed')
      .int('--seed doit être un entier')
      .min(0, '--seed doit être positif')
      .max(4_294_967_295, '--seed : 4294967295 au plus')
      .default(1),
    scale: numberFlag('scale')
      .positive('--scale doit être strictement positif')
      .max(100, '--scale : 100 au plus')
      .default(1),
    target: z.enum(['db', 'api'], { error: '--target doit valoir db ou api' }).default('db'),
    'api-url': z
      .url({ protocol: /^https?$/, error: '--api-url : URL http(s) attendue' })
      .optional(),
    rate: numberFlag('rate')
      .positive('--rate doit être strictement positif')
      .max(10_000, '--rate : 10000 au plus')
      .default(20),
  })
  .strict();

type RawArgs = z.infer<typeof rawSchema>;

function resolveWindow(raw: RawArgs): { start: number; end: number } | string {
  const { from, to, weeks, scenario } = raw;
  if (from !== undefined && to !== undefined && weeks !== undefined) {
    return '--weeks ne peut pas être combiné avec --from et --to';
  }
  if (scenario === '2021-04-06') {
    const firstDay = addDays(SCENARIO_2021.firstDay, -7 * (weeks ?? 4));
    const end = to ?? parisMidnight(SCENARIO_2021.endDay);
    return { start: from ?? parisMidnight(firstDay), end };
  }
  const span = (weeks ?? 1) * 7 * DAY_MS;
  if (from !== undefined) return { start: from, end: to ?? from + span };
  if (to !== undefined) return { start: to - span, end: to };
  return 'Indiquez --from ou --to (obligatoire sauf avec --scenario 2021-04-06)';
}

function toOptions(raw: RawArgs): SimulateCliOptions | string {
  const window = resolveWindow(raw);
  if (typeof window === 'string') return window;
  if (window.end <= window.start) return '--from doit précéder --to';
  if (window.end - window.start > MAX_WINDOW_DAYS * DAY_MS) {
    return `Fenêtre trop longue : ${MAX_WINDOW_DAYS} jours au plus`;
  }
  const apiUrl = raw['api-url'] ?? null;
  if (raw.target === 'api' && apiUrl === null) return '--api-url est obligatoire avec --target api';
  if (raw.target === 'db' && apiUrl !== null) return "--api-url ne sert qu'avec --target api";
  const { scenario, seed, scale, target, rate } = raw;
  const [start, end] = [new Date(window.start), new Date(window.end)];
  return { start, end, scenario, seed, scale, target, apiUrl, rate };
}

function collectFlags(argv: readonly string[]): Record<string, string> | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (!token.startsWith('--')) return `Argument inattendu : ${token}`;
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    if (!FLAGS.includes(name)) return `Option inconnue : --${name}`;
    if (name in values) return `Option répétée : --${name}`;
    const value = eq === -1 ? argv[++i] : token.slice(eq + 1);
    if (value === undefined || value === '' || value.startsWith('--')) {
      return `Valeur manquante pour --${name}`;
    }
    values[name] = value;
  }
  return values;
}

/** Parses `npm run simulate` arguments (without node and script path); messages are in French. */
export function parseSimulateArgs(argv: readonly string[]): ParseSimulateArgsResult {
  if (argv.includes('--help') || argv.includes('-h')) {
    return { status: 'help', usage: SIMULATE_USAGE };
  }
  const flags = collectFlags(argv);
  if (typeof flags === 'string') return { status: 'error', error: flags, usage: SIMULATE_USAGE };
  const parsed = rawSchema.safeParse(flags);
  if (!parsed.success) {
    const error = parsed.error.issues.map((issue) => issue.message).join('\n');
    return { status: 'error', error, usage: SIMULATE_USAGE };
  }
  const options = toOptions(parsed.data);
  if (typeof options === 'string') {
    return { status: 'error', error: options, usage: SIMULATE_USAGE };
  }
  return { status: 'ok', options };
}
