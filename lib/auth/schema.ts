import { z } from 'zod';
import type { ErrorCode, ErrorIssue } from '@/lib/http/errors';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import { USER_ROLES } from './roles';

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Adresse e-mail invalide.' }));
/** Generous bound: the policy (checkPasswordPolicy) says what is too short or too long, with its own message. */
const passwordInput = z.string().max(PASSWORD_MAX_LENGTH * 4);
export const codeSchema = z.string().trim().max(32);

export const credentialsSchema = z.object({
  email: emailSchema,
  password: passwordInput.min(1),
  code: codeSchema.optional(),
});

export const secondFactorSchema = z.object({ code: codeSchema.min(6, 'Saisissez le code à 6 chiffres.') });

export const passwordChangeSchema = z.object({
  currentPassword: passwordInput.min(1, 'Saisissez votre mot de passe actuel.'),
  newPassword: passwordInput,
  code: codeSchema.optional(),
});

export const emailChangeSchema = z.object({
  newEmail: emailSchema,
  currentPassword: passwordInput.min(1, 'Saisissez votre mot de passe actuel.'),
  code: codeSchema.optional(),
});

export const passwordResetSchema = z.object({ token: z.string().min(20).max(200), newPassword: passwordInput });
export const tokenSchema = z.object({ token: z.string().min(20).max(200) });
export const resetRequestSchema = z.object({ email: emailSchema });

const rolesField = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(USER_ROLES)).max(USER_ROLES.length),
);

export const userCreateSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(120).optional().transform((v) => (v ? v : null)),
  roles: rolesField,
});

export const userUpdateSchema = z.object({
  userId: z.string().min(1).max(64),
  op: z.enum(['set_roles', 'disable', 'enable', 'revoke_sessions', 'issue_reset_link', 'reset_totp']),
  roles: rolesField.optional(),
  reason: z.string().trim().max(500).optional(),
});

export const apiKeyCreateSchema = z.object({ name: z.string().trim().min(1, 'Donnez un nom à la clé.').max(80) });
export const apiKeyRevokeSchema = z.object({ id: z.string().min(1).max(64) });

export type UserCreateInput = z.infer<typeof userCreateSchema>;
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

/** What a server action answers; `reveal` holds values shown once (recovery codes, a new key, a link). */
export type ActionResult =
  | { ok: true; message: string; reveal?: string[] }
  | { ok: false; code: ErrorCode; error: string; issues?: ErrorIssue[] };
