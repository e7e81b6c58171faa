import { REQUEST_LIMIT, SURGE_FLOOR_ON_PER_MINUTE } from './limits';

/** Requests per minute on the public read APIs, per source without a key, per key with one. */
export const READ_LIMIT_PER_MINUTE = 600;
export const READ_LIMIT_API_KEY_PER_MINUTE = 6_000;
export const ANNOUNCEMENT_MAX_LENGTH = 280;

export type RuntimeSettings = {
  /** Report requests per source fingerprint per minute before 429 (POST /api/reports). */
  reportLimitPerMinute: number;
  /** Reports per minute (all sources) below which proof of work never switches on. */
  powSurgeFloorPerMinute: number;
  readLimitPerMinute: number;
  readLimitApiKeyPerMinute: number;
  /** Banner text on every page; '' = no banner. */
  announcement: string;
  /** Hosts that webhooks may reach although they resolve to a private, loopback or link-local address. */
  webhookAllowedHosts: string;
};

export type SettingName = keyof RuntimeSettings;

/** `envName`: the variable that gives the default when no admin value is stored. */
type Common = { name: SettingName; label: string; help: string; envName?: string };
export type IntegerSettingDefinition = Common & { kind: 'integer'; min: number; max: number; unit: string; builtin: number };
export type TextSettingDefinition = Common & { kind: 'text'; maxLength: number; builtin: string };
export type SettingDefinition = IntegerSettingDefinition | TextSettingDefinition;

/** Every runtime setting an admin may change; each is read by the code named in its help. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    name: 'reportLimitPerMinute',
    kind: 'integer',
    label: 'Signalements par minute et par source',
    help: 'Au-delà, l’API de signalement répond 429 à cette source pendant le reste de la minute.',
    unit: 'par minute',
    envName: 'REPORT_LIMIT_PER_MINUTE',
    min: 1,
    max: 10_000,
    builtin: REQUEST_LIMIT,
  },
  {
    name: 'powSurgeFloorPerMinute',
    kind: 'integer',
    label: 'Seuil de la preuve de travail',
    help: 'Nombre minimal de signalements par minute (toutes sources) pour que la preuve de travail anti-robot s’active en cas d’afflux anormal ; elle se coupe sous la moitié.',
    unit: 'par minute',
    envName: 'POW_SURGE_FLOOR_PER_MINUTE',
    min: 2,
    max: 1_000_000,
    builtin: SURGE_FLOOR_ON_PER_MINUTE,
  },
  {
    name: 'readLimitPerMinute',
    kind: 'integer',
    label: 'API de lecture sans clé',
    help: 'Requêtes par minute et par source sur les API publiques de lecture.',
    unit: 'par minute',
    envName: 'READ_LIMIT_PER_MINUTE',
    min: 1,
    max: 1_000_000,
    builtin: READ_LIMIT_PER_MINUTE,
  },
  {
    name: 'readLimitApiKeyPerMinute',
    kind: 'integer',
    label: 'API de lecture avec une clé',
    help: 'Requêtes par minute et par clé d’API (journalistes) ; au moins la limite sans clé.',
    unit: 'par minute',
    envName: 'READ_LIMIT_API_KEY_PER_MINUTE',
    min: 1,
    max: 1_000_000,
    builtin: READ_LIMIT_API_KEY_PER_MINUTE,
  },
  {
    name: 'announcement',
    kind: 'text',
    label: 'Bandeau d’annonce',
    help: 'Texte affiché en haut de toutes les pages (maintenance, incident majeur…). Vide : pas de bandeau.',
    maxLength: ANNOUNCEMENT_MAX_LENGTH,
    builtin: '',
  },
  {
    name: 'webhookAllowedHosts',
    kind: 'text',
    label: 'Hôtes internes autorisés pour les webhooks',
    help: 'Noms d’hôte (séparés par des virgules) que les webhooks peuvent appeler même s’ils pointent vers une adresse privée, locale ou de lien local. Vide : aucune adresse interne.',
    maxLength: 500,
    builtin: '',
  },
];

export function settingDefinition(name: SettingName): SettingDefinition {
  const found = SETTING_DEFINITIONS.find((d) => d.name === name);
  if (!found) throw new Error(`Unknown setting ${name}`);
  return found;
}
