import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createAccount, signIn, type Account } from '../helpers/e2e-accounts';
import { useE2eSuite } from '../helpers/e2e-suite';

const incidentId = randomUUID();
const accounts: { a: Account; b: Account } = {} as never;

const e2e = useE2eSuite({
  seed: async (db) => {
    const [orgA, orgB] = await Promise.all(['A', 'B'].map((n) => db.organisation.create({ data: { name: `Syndicat e2e ${n} ${randomUUID()}` } })));
    accounts.a = await createAccount(db, ['union']);
    accounts.b = await createAccount(db, ['union']);
    await db.organisationMember.createMany({ data: [{ userId: accounts.a.id, organisationId: orgA!.id }, { userId: accounts.b.id, organisationId: orgB!.id }] });
    await db.incident.create({ data: { id: incidentId, platformId: 'pronote', scope: 'national', level: 'detected', startedAt: new Date(Date.now() - 3_600_000) } });
    await db.incidentNote.create({ data: { organisationId: orgA!.id, incidentId, authorId: accounts.a.id, body: 'Note privée du syndicat A' } });
  },
});

describe('incident notes panel (production build)', () => {
  test('a union member reads and adds their organisation’s notes; another organisation and visitors see none of them', async () => {
    const url = `${e2e.base}/incidents/${incidentId}`;
    const visitor = await e2e.browser.newPage();
    const html = await (await visitor.goto(url))!.text();
    expect(html).not.toContain('Note privée du syndicat A');
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    expect(await visitor.getByRole('heading', { name: 'Notes de votre organisation' }).count()).toBe(0);
    await visitor.close();

    const memberA = await e2e.browser.newContext();
    const pageA = await memberA.newPage();
    await signIn(pageA, e2e.base, accounts.a);
    await pageA.waitForURL(`${e2e.base}/admin`);
    const htmlA = await (await pageA.goto(url))!.text();
    expect(htmlA, 'notes never travel in the page HTML').not.toContain('Note privée du syndicat A');
    await pageA.getByRole('heading', { name: 'Notes de votre organisation' }).waitFor({ timeout: 30_000 });
    await pageA.getByText('Note privée du syndicat A').waitFor();
    await pageA.getByLabel('Nouvelle note').fill('Le rectorat confirme : ENT coupé à 9 h 02.');
    await pageA.getByRole('button', { name: 'Ajouter la note' }).click();
    await pageA.getByText('Le rectorat confirme : ENT coupé à 9 h 02.').waitFor({ timeout: 15_000 });
    await memberA.close();

    const memberB = await e2e.browser.newContext();
    const pageB = await memberB.newPage();
    await signIn(pageB, e2e.base, accounts.b);
    await pageB.waitForURL(`${e2e.base}/admin`);
    await pageB.goto(url);
    await pageB.getByRole('heading', { name: 'Notes de votre organisation' }).waitFor({ timeout: 30_000 });
    await pageB.getByText('Aucune note pour l’instant.').waitFor();
    expect(await pageB.getByText('Note privée du syndicat A').count()).toBe(0);
    expect(await pageB.getByText('Le rectorat confirme').count()).toBe(0);
    await memberB.close();
  });
});
