// `npm run admin:create -- <email> [--password-stdin] [--demo]`: creates the first administrator, or gives
// an existing account the admin role back with a new password (and no TOTP: it enrols again at sign-in).
// Without --password-stdin a random password is printed once; nothing is ever defaulted. --demo targets
// the demo's database (./.data-demo, or DATA_DIR); otherwise DATABASE_URL or DATA_DIR (./.data).
import { appendAudit } from '../lib/db/audit';
import { createUserRow, deleteUserSessions, findUserByEmail, replaceUserRoles, updateUserFields } from '../lib/db/users';
import { generatePassword, hashPassword } from '../lib/auth/password';
import { checkPasswordPolicy, PASSWORD_MESSAGES } from '../lib/auth/password-policy';
import { emailSchema } from '../lib/auth/schema';
import { connectForScript } from './db-connect';

const CLI_ACTOR = { userId: null, label: 'cli:admin-create' };

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mot de passe (12 caractères au moins), puis Entrée et Ctrl-D : ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const parsed = emailSchema.safeParse(args.find((a) => !a.startsWith('--')) ?? '');
  if (!parsed.success) {
    console.error('Usage : npm run admin:create -- <adresse e-mail> [--password-stdin] [--demo]');
    process.exit(2);
  }
  const email = parsed.data;
  const fromStdin = args.includes('--password-stdin');
  const password = fromStdin ? await readStdin() : generatePassword();
  const issue = checkPasswordPolicy(password, { email });
  if (issue) {
    console.error(PASSWORD_MESSAGES[issue]);
    process.exit(2);
  }
  const passwordHash = await hashPassword(password);
  const demoDir = args.includes('--demo') ? process.env.DATA_DIR || '.data-demo' : undefined;
  const { db, close } = await connectForScript({ dataDir: demoDir });
  try {
    const now = new Date();
    const outcome = await db.$transaction(async (tx) => {
      const existing = await findUserByEmail(tx, email);
      if (!existing) {
        const user = await createUserRow(tx, { email, name: null, roles: ['admin'], passwordHash });
        await appendAudit(tx, { actor: CLI_ACTOR, action: 'user.created', targetType: 'user', targetId: user.id, after: { email, roles: ['admin'] } }, now);
        return 'created';
      }
      const roles = [...new Set([...existing.roles, 'admin' as const])].sort();
      await replaceUserRoles(tx, existing.id, roles);
      await updateUserFields(tx, existing.id, { passwordHash, disabledAt: null, totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: [] });
      const ended = await deleteUserSessions(tx, existing.id);
      await appendAudit(tx, { actor: CLI_ACTOR, action: 'user.roles_changed', targetType: 'user', targetId: existing.id, before: { roles: existing.roles }, after: { roles, passwordReset: true, totpReset: true, sessionsEnded: ended } }, now);
      return 'restored';
    });
    console.log(outcome === 'created' ? `Administrateur ${email} créé.` : `Compte ${email} : rôle admin, nouveau mot de passe, double authentification à réactiver.`);
    if (!fromStdin) console.log(`Mot de passe (affiché une seule fois, changez-le après la première connexion) : ${password}`);
    console.log('Le rôle admin comprend la modération et les incidents : rien d’autre à attribuer.');
    console.log('À la première connexion, activez la double authentification (obligatoire pour ce rôle).');
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
