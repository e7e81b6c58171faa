import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { insertReportBatch, type NewReportRow } from '@/lib/db/reports';
import { uuidv7 } from '@/lib/domain/uuid';
import { contextFromNewAddress, createAccount, signIn } from '../helpers/e2e-accounts';
import { useE2eSuite } from '../helpers/e2e-suite';
import { SENTENCES } from '../fixtures/comment-sentences';

const e2e = useE2eSuite({ timeout: 600_000 });

const PER_GROUP = 250;

type Scope = { platformId: string; academyId: string; rows: NewReportRow[] };

/** 5,000 pending comments in 20 groups (with case/punctuation variants), on a service × académie of their own. */
async function seedSurge(platformId: string, academyId: string): Promise<NewReportRow[]> {
  const now = Date.now();
  const rows: NewReportRow[] = [];
  for (let i = 0; i < SENTENCES.length * PER_GROUP; i += 1) {
    const sentence = SENTENCES[i % SENTENCES.length] as string;
    const comment = i % 3 === 0 ? sentence.toUpperCase() : i % 3 === 1 ? `${sentence} !!` : sentence;
    const createdAt = new Date(now - 60_000 - i * 500);
    rows.push({
      id: uuidv7(createdAt.getTime()), platformId, academyId, category: 'login', role: 'parent', comment, observedAt: null,
      idempotencyKey: randomUUID(), sourceFingerprint: randomBytes(32).toString('hex'), deviceTokenHash: null, networkFingerprint: null,
      counted: true, distinctReporter: true, flagReason: null, createdAt,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await insertReportBatch(e2e.db, rows.slice(i, i + 1000));
  return rows;
}

async function moderatorPage(): Promise<{ page: Page; email: string }> {
  const who = await createAccount(e2e.db, ['moderator'], { totp: true });
  const context = await contextFromNewAddress(e2e.browser);
  const page = await context.newPage();
  await signIn(page, e2e.base, who);
  await page.waitForURL(`${e2e.base}/admin`);
  return { page, email: who.email };
}

function pending(scope: Scope) {
  return e2e.db.report.count({ where: { platformId: scope.platformId, academyId: scope.academyId, commentState: 'pending' } });
}

async function newScope(skip: number): Promise<Scope> {
  const [platform, academy] = await Promise.all([
    e2e.db.platform.findFirstOrThrow({ orderBy: { id: 'desc' }, skip }),
    e2e.db.academy.findFirstOrThrow({ orderBy: { id: 'desc' }, skip }),
  ]);
  return { platformId: platform.id, academyId: academy.id, rows: await seedSurge(platform.id, academy.id) };
}

function queueUrl(scope: Scope): string {
  return `${e2e.base}/admin/moderation?service=${scope.platformId}&academie=${scope.academyId}&periode=jour`;
}

const rowIds = (page: Page) => page.locator('tr[data-queue-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report-id')));

describe('moderation queue in a surge (production build)', () => {
  let surge: Scope;
  let duel: Scope;
  beforeAll(async () => {
    surge = await newScope(0);
    duel = await newScope(1);
  }, 600_000);

  test('newest first, then the next page continues without overlap', async () => {
    const { page } = await moderatorPage();
    await page.goto(queueUrl(surge));
    await page.getByText('5 000').first().waitFor({ timeout: 30_000 });
    const first = await rowIds(page);
    expect(first).toHaveLength(50);
    const newest = [...surge.rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, 100).map((r) => r.id);
    expect(first).toEqual(newest.slice(0, 50));
    await page.getByRole('link', { name: 'Commentaires suivants' }).click();
    await page.waitForURL(/apres=/);
    await expect.poll(() => rowIds(page), { timeout: 15_000 }).toEqual(newest.slice(50, 100));
    await page.context().close();
  });

  test('a moderator clears 5,000 pending comments in 20 group actions, and can undo the last one', async () => {
    const { page } = await moderatorPage();
    await page.goto(queueUrl(surge));
    const groups = page.getByRole('table', { name: 'Groupes de commentaires identiques' }).locator('tbody tr');
    await expect.poll(() => groups.count(), { timeout: 30_000 }).toBe(20);
    expect(await groups.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group-size')))).toEqual(Array(20).fill(String(PER_GROUP)));
    for (let done = 1; done <= 20; done += 1) {
      await groups.first().getByRole('button', { name: `Publier les ${PER_GROUP}` }).click();
      await expect.poll(() => pending(surge), { timeout: 30_000 }).toBe(5000 - done * PER_GROUP);
      if (done === 1) {
        await page.getByRole('button', { name: 'Annuler cette action' }).click();
        await expect.poll(() => pending(surge), { timeout: 30_000 }).toBe(5000);
        await groups.first().getByRole('button', { name: `Publier les ${PER_GROUP}` }).click();
        await expect.poll(() => pending(surge), { timeout: 30_000 }).toBe(5000 - PER_GROUP);
      }
      await expect.poll(() => groups.count(), { timeout: 30_000 }).toBe(20 - done);
    }
    await page.getByText('Aucun commentaire en attente pour ces filtres.').waitFor({ timeout: 15_000 });
    const audited = await e2e.db.auditLog.count({ where: { action: 'comments.approved', actorLabel: { startsWith: 'moderator-' }, at: { gte: new Date(Date.now() - 600_000) } } });
    expect(audited).toBeGreaterThanOrEqual(21);
    await page.context().close();
  });

  test('two moderators in parallel never handle the same comment twice; the second is told who did', async () => {
    const [alice, bob] = await Promise.all([moderatorPage(), moderatorPage()]);
    await Promise.all([alice.page.goto(queueUrl(duel)), bob.page.goto(queueUrl(duel))]);
    const target = (await rowIds(alice.page))[0] as string;
    await alice.page.locator(`tr[data-report-id="${target}"]`).getByRole('button', { name: 'Publier' }).click();
    await expect.poll(async () => (await e2e.db.report.findFirstOrThrow({ where: { id: target } })).commentState, { timeout: 15_000 }).toBe('approved');
    await bob.page.locator(`tr[data-report-id="${target}"]`).getByRole('button', { name: 'Masquer', exact: true }).click();
    await bob.page.getByText(`déjà été publié par ${alice.email}`).waitFor({ timeout: 15_000 });
    expect((await e2e.db.report.findFirstOrThrow({ where: { id: target } })).commentState).toBe('approved');

    const group = (p: Page) => p.getByRole('table', { name: 'Groupes de commentaires identiques' }).locator('tbody tr').first();
    await Promise.all([alice.page.reload(), bob.page.reload()]);
    const size = Number(await group(alice.page).getAttribute('data-group-size'));
    await Promise.all([
      group(alice.page).getByRole('button', { name: /^Publier les/ }).click(),
      group(bob.page).getByRole('button', { name: /^Masquer les/ }).click(),
    ]);
    await expect.poll(() => pending(duel), { timeout: 30_000 }).toBe(5000 - 1 - size);
    const actions = await e2e.db.moderationAction.findMany({ where: { actorLabel: { in: [alice.email, bob.email] }, scope: 'group' } });
    const touched = actions.flatMap((a) => a.reportIds);
    expect(new Set(touched).size, 'no comment in two actions').toBe(touched.length);
    expect(touched.length).toBe(size);
    await Promise.all([alice.page.context().close(), bob.page.context().close()]);
  });

  test('keyboard: j moves to the next comment, p publishes it, m hides the next one', async () => {
    const { page } = await moderatorPage();
    await page.goto(queueUrl(duel));
    const ids = await rowIds(page);
    await page.locator('[data-queue-row][aria-current="true"]').waitFor({ timeout: 15_000 });
    await page.keyboard.press('j');
    await page.keyboard.press('p');
    await expect.poll(async () => (await e2e.db.report.findFirstOrThrow({ where: { id: ids[1] as string } })).commentState, { timeout: 15_000 }).toBe('approved');
    await expect.poll(() => rowIds(page).then((r) => r[1]), { timeout: 15_000 }).toBe(ids[2]);
    await page.keyboard.press('m');
    await expect.poll(async () => (await e2e.db.report.findFirstOrThrow({ where: { id: ids[2] as string } })).commentState, { timeout: 15_000 }).toBe('hidden');
    await page.context().close();
  });
});
