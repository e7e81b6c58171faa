import { ID_SLUG } from '@/lib/domain/slug';
import { z } from 'zod';
import { PLATFORM_LEVELS, type PlatformFields } from '@/lib/domain/platform-fields';
import { PLATFORM_KINDS, PLATFORM_SCOPES } from '@/lib/domain/types';

export { PLATFORM_LEVELS, type PlatformFields };

const optionalText = (max: number) =>
  z.string().trim().max(max).optional().transform((v) => (v ? v : null));

/** A textarea or comma list ("a, b\nc") as a clean list of distinct entries. */
const list = (itemMax: number, max: number) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : String(v ?? '').split(/[,\n]/)).map((s) => String(s).trim()).filter(Boolean),
    z.array(z.string().max(itemMax)).max(max).transform((items) => [...new Set(items)]),
  );

const academies = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim().min(1).max(40)).max(40).transform((items) => [...new Set(items)].sort()),
);

export const platformFieldsSchema = z.object({
  name: z.string().trim().min(2, 'Nom trop court.').max(120),
  kind: z.enum(PLATFORM_KINDS),
  scope: z.enum(PLATFORM_SCOPES),
  operator: optionalText(120),
  statusPageUrl: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https?:\/\/[^\s]+$/.test(v), 'Adresse de page de statut invalide (http(s)://…).'),
  aliases: list(60, 20),
  domains: list(120, 20),
  levels: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(PLATFORM_LEVELS))),
  academies,
  notes: optionalText(1000),
}) satisfies z.ZodType<PlatformFields, unknown>;

export const platformCreateSchema = platformFieldsSchema.extend({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .regex(ID_SLUG, 'Identifiant : lettres minuscules, chiffres et tirets (ex. mon-ent).')
    .min(2)
    .max(60),
});

export const platformUpdateSchema = platformFieldsSchema.extend({ id: z.string().trim().min(1).max(60) });

export const platformRetireSchema = z.object({
  id: z.string().trim().min(1).max(60),
  op: z.enum(['retire', 'restore']),
  reason: z.string().trim().min(3, 'Indiquez la raison (3 caractères au moins).').max(500),
});

export type PlatformCreateInput = z.infer<typeof platformCreateSchema>;
export type PlatformUpdateInput = z.infer<typeof platformUpdateSchema>;
export type PlatformRetireInput = z.infer<typeof platformRetireSchema>;
