import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { rolesWith, type Permission, type UserRole } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/auth/schema';
import { cookieValue, createTestUser, sessionCookie } from './support';

const jar = vi.hoisted(() => ({ session: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' && jar.session ? { name, value: jar.session } : undefined) }),
  headers: async () => new Headers({ 'x-ecole-peer': (await import('@/lib/http/peer')).peerHeaderValue('203.0.113.9') }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

/** Server actions anyone may call: the single-use link in the form is the credential. */
const PUBLIC = new Set(['app/connexion/actions.ts#resetPasswordAction', 'app/connexion/actions.ts#requestResetAction', 'app/connexion/actions.ts#confirmEmailAction']);
/** Actions of one's own account: any signed-in user. */
const SIGNED_IN = new Set([
  'app/connexion/actions.ts#verifySecondFactorAction',
  'app/connexion/actions.ts#startTotpAction',
  'app/connexion/actions.ts#confirmTotpAction',
  'app/admin/compte/actions.ts#changePasswordAction',
  'app/admin/compte/actions.ts#changeEmailAction',
  'app/admin/compte/actions.ts#renewRecoveryCodesAction',
]);
/** Actions that need a right, by file. */
const BY_FILE: Record<string, Permission> = {
  'app/admin/moderation/actions.ts': 'moderation.manage',
  'app/admin/incidents/actions.ts': 'incidents.manage',
  'app/admin/utilisateurs/actions.ts': 'users.manage',
  'app/admin/plateformes/actions.ts': 'catalog.manage',
  'app/admin/cles-api/actions.ts': 'apikeys.own',
  'app/admin/webhooks/actions.ts': 'webhooks.own',
  'app/admin/reglages/actions.ts': 'settings.manage',
  'app/admin/jours-exceptionnels/actions.ts': 'settings.manage',
  'app/admin/organisations/actions.ts': 'organisations.manage',
};

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
type Entry = { id: string; file: string; run: Action };

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === 'actions.ts' ? [full] : [];
  });
}

const actions: Entry[] = [];
const cookies: Partial<Record<UserRole, string>> = {};

beforeAll(async () => {
  for (const file of actionFiles(path.resolve('app'))) {
    const relative = path.relative(process.cwd(), file).split(path.sep).join('/');
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') actions.push({ id: `${relative}#${name}`, file: relative, run: value as Action });
    }
  }
  for (const role of ['admin', 'moderator', 'union', 'journalist'] as UserRole[]) {
    cookies[role] = cookieValue(await sessionCookie((await createTestUser({ roles: [role], totp: role === 'admin' || role === 'moderator' })).user));
  }
});

async function callAs(entry: Entry, session: string | undefined): Promise<ActionResult> {
  jar.session = session;
  return entry.run(null, new FormData());
}

describe('server actions under app/', () => {
  test('every action is public, an own-account action, or guarded by a right', () => {
    expect(actions.length).toBeGreaterThan(10);
    const unlisted = actions.filter((a) => !PUBLIC.has(a.id) && !SIGNED_IN.has(a.id) && !(a.file in BY_FILE)).map((a) => a.id);
    expect(unlisted, 'new server action without an access decision').toEqual([]);
  });

  test('anonymous callers are refused by every non-public action', async () => {
    for (const entry of actions.filter((a) => !PUBLIC.has(a.id))) {
      expect(await callAs(entry, undefined), entry.id).toMatchObject({ ok: false, code: 'unauthorized' });
    }
  });

  test.each(['admin', 'moderator', 'union', 'journalist'] as UserRole[])('%s reaches only the actions of its rights', async (role) => {
    for (const entry of actions.filter((a) => a.file in BY_FILE)) {
      const allowed = rolesWith(BY_FILE[entry.file] as Permission).includes(role);
      const result = await callAs(entry, cookies[role]);
      if (allowed) expect(result, entry.id).toMatchObject({ ok: false, code: 'invalid_input' });
      else expect(result, entry.id).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  test('public actions still validate their single-use link', async () => {
    for (const entry of actions.filter((a) => PUBLIC.has(a.id))) {
      expect(await callAs(entry, undefined), entry.id).toMatchObject({ ok: false, code: 'invalid_input' });
    }
  });
});
