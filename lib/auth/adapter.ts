import 'server-only';
import type { Adapter, AdapterAccount, AdapterUser } from 'next-auth/adapters';
import { getDb } from '@/lib/db/client';
import {
  createVerificationTokenRow,
  findUserByAccount,
  findUserByEmail,
  getUserById,
  linkAccountRow,
  updateUserFields,
  useVerificationTokenRow,
  type UserRecord,
} from '@/lib/db/users';

function toAdapterUser(user: UserRecord | null): AdapterUser | null {
  if (!user) return null;
  return { id: user.id, email: user.email, emailVerified: user.emailVerified, name: user.name };
}

/**
 * next-auth's storage for OpenID Connect accounts and e-mail links, on our Prisma models. Accounts are
 * created by administrators only, so createUser refuses; provider tokens are not kept (we call no IdP API).
 */
export function createAuthAdapter(): Adapter {
  return {
    createUser() {
      throw new Error('AccountCreationDisabled');
    },
    getUser: async (id) => toAdapterUser(await getUserById(getDb(), id)),
    getUserByEmail: async (email) => toAdapterUser(await findUserByEmail(getDb(), email)),
    getUserByAccount: async ({ provider, providerAccountId }) =>
      toAdapterUser(await findUserByAccount(getDb(), provider, providerAccountId)),
    async updateUser(user) {
      const updated = await updateUserFields(getDb(), user.id, user.emailVerified ? { emailVerified: user.emailVerified } : {});
      return { id: updated.id, email: updated.email, emailVerified: updated.emailVerified, name: updated.name };
    },
    async linkAccount(account: AdapterAccount) {
      await linkAccountRow(getDb(), {
        userId: account.userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      });
    },
    createVerificationToken: (token) => createVerificationTokenRow(getDb(), token),
    useVerificationToken: (params) => useVerificationTokenRow(getDb(), params),
  };
}
