import { z } from 'zod';

export const organisationCreateSchema = z.object({ name: z.string().trim().min(2, 'Nom trop court.').max(120) }).strict();
export const membershipSchema = z.object({ userId: z.string().trim().min(1).max(60) }).strict();
export const noteCreateSchema = z.object({ body: z.string().trim().min(1, 'La note est vide.').max(5000) }).strict();
export const membershipFormSchema = z.object({
  organisationId: z.string().trim().min(1).max(60),
  userId: z.string().trim().min(1, 'Choisissez un compte.').max(60),
  remove: z.enum(['0', '1']).default('0'),
});
