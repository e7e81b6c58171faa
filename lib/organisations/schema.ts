import { z } from 'zod';

export const organisationCreateSchema = z.object({ name: z.string().trim().min(2, 'Nom trop court.').max(120) }).strict();
export const membershipSchema = z.object({ userId: z.string().trim().min(1).max(60) }).strict();
export const noteCreateSchema = z.object({ body: z.string().trim().min(1, 'La note est vide.').max(5000) }).strict();
