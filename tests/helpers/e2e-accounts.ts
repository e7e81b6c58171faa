import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '@/lib/auth/password';
import type { UserRole } from '@/lib/auth/roles';
import { generateTotp, newTotpSecret } from '@/lib/auth/totp';
import { createPrismaClient } from '@/lib/db/create-client';
import { embeddedUrl } from '@/lib/db/embedded/owner-url';
import { createUserRow, updateUserFields } from '@/lib/db/users';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const E2E_PASSWORD = 'une phrase de passe pour les tests';

export type Account = { email: string; totpSecret: string | null; id: string };

/** A client on the embedded database of the server under test (owner.json in its data folder). */
export function connectE2eDatabase(dataDir: string): PrismaClient {
  const owner = JSON.parse(readFileSync(path.join(dataDir, 'owner.json'), 'utf8')) as { port: number; password: string };
  return createPrismaClient({ url: embeddedUrl(owner.port, owner.password), kind: 'embedded' });
}

export async function createAccount(db: PrismaClient, roles: UserRole[], opts: { totp?: boolean } = {}): Promise<Account> {
  const email = `${roles.join('-') || 'none'}-${randomUUID().slice(0, 6)}@e2e.example`;
  const user = await db.$transaction((tx) => createUserRow(tx, { email, name: null, roles, passwordHash: null }));
  const totpSecret = opts.totp ? newTotpSecret() : null;
  await updateUserFields(db, user.id, { passwordHash: await hashPassword(E2E_PASSWORD), ...(totpSecret ? { totpSecret, totpEnabledAt: new Date() } : {}) });
  return { email, totpSecret, id: user.id };
}

export async function signIn(page: Page, base: string, who: Account, callbackUrl = '/admin'): Promise<void> {
  await page.goto(`${base}/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.locator('[data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(who.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  if (who.totpSecret) {
    const code = page.getByLabel(/Code de vérification/);
    await code.waitFor({ timeout: 15_000 });
    await code.fill(generateTotp(who.totpSecret, Date.now()));
    await page.getByRole('button', { name: 'Valider le code' }).click();
  }
}

let addressCounter = 0;
/**
 * A browser context claiming a client address of its own in X-Forwarded-For. The e2e server believes that
 * header from its trusted proxy (127.0.0.2) only, so from the browser it is ignored: what these suites check
 * (the account guard, two moderators) does not depend on the address; per-source limits are tested in integration.
 */
export async function contextFromNewAddress(browser: Browser): Promise<BrowserContext> {
  addressCounter += 1;
  const address = `198.51.${100 + Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } });
}

/** Collects CSP violations of a page: console reports and securitypolicyviolation events. */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}
