import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createPlatform, getPlatformForAdmin, retirePlatform, updatePlatform } from '@/lib/catalog/admin';
import { platformCreateSchema } from '@/lib/catalog/schema';
import { getDb } from '@/lib/db/client';

const actor = { userId: null, label: 'admin@test.example' };

describe('platform catalogue', () => {
  test('add, edit, retire and restore, each audited; a retired platform keeps its history', async () => {
    const id = `ent-test-${randomUUID().slice(0, 6)}`;
    const input = platformCreateSchema.parse({
      id, name: 'ENT de test', kind: 'ENT', scope: 'regional', operator: 'Kosmos', statusPageUrl: 'https://status.example.org',
      aliases: 'ent test, mon ent', domains: 'ent.example.org', levels: ['college', 'lycee'], academies: ['lille', 'amiens'],
    });
    await createPlatform(actor, input);
    expect(await getPlatformForAdmin(id)).toMatchObject({ name: 'ENT de test', aliases: ['ent test', 'mon ent'], academies: ['amiens', 'lille'], retiredAt: null });
    expect(await getDb().platform.findUnique({ where: { id } })).toMatchObject({ operatorGroup: 'kosmos', verified: true });
    await expect(createPlatform(actor, input)).rejects.toMatchObject({ code: 'conflict' });

    await updatePlatform(actor, { ...input, name: 'ENT renommé', academies: ['lille', 'reims'] });
    expect(await getPlatformForAdmin(id)).toMatchObject({ name: 'ENT renommé', academies: ['lille', 'reims'] });
    await expect(updatePlatform(actor, { ...input, academies: ['atlantide'] })).rejects.toMatchObject({ code: 'invalid_input' });

    await retirePlatform(actor, { id, op: 'retire', reason: 'remplacé par un autre ENT' });
    expect((await getPlatformForAdmin(id))?.retiredAt).toBeInstanceOf(Date);
    await expect(retirePlatform(actor, { id, op: 'retire', reason: 'encore' })).rejects.toMatchObject({ code: 'conflict' });
    await retirePlatform(actor, { id, op: 'restore', reason: 'erreur' });
    expect((await getPlatformForAdmin(id))?.retiredAt).toBeNull();

    const audit = await getDb().auditLog.findMany({ where: { targetType: 'platform', targetId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['platform.created', 'platform.updated', 'platform.retired', 'platform.restored']);
    expect(audit[1]?.before).toMatchObject({ name: 'ENT de test' });
    expect(audit[2]).toMatchObject({ reason: 'remplacé par un autre ENT' });
  });

  test('the schema refuses bad identifiers and status URLs', () => {
    expect(platformCreateSchema.safeParse({ id: 'Bad Id', name: 'x y', kind: 'ENT', scope: 'national' }).success).toBe(false);
    expect(platformCreateSchema.safeParse({ id: 'ok-id', name: 'Nom', kind: 'ENT', scope: 'national', statusPageUrl: 'javascript:alert(1)' }).success).toBe(false);
  });
});
