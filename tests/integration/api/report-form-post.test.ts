import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { POST } from '@/app/signaler/envoyer/route';
import { nextIp } from '../../helpers/requests';
import { peerHeaderValue } from '@/lib/http/peer';

function formRequest(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost:3000/signaler/envoyer', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      host: 'localhost:3000',
      origin: 'http://localhost:3000',
      'x-ecole-peer': peerHeaderValue(nextIp()),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

function fields(overrides: Record<string, string> = {}): Record<string, string> {
  return { plateforme: 'pronote', academie: 'versailles', probleme: 'login', cle: randomUUID(), site_web: '', ...overrides };
}

describe('POST /signaler/envoyer (report form without JavaScript)', () => {
  test('303 to the French confirmation, or to the English one when the page was English', async () => {
    const fr = await POST(formRequest(fields()), undefined);
    expect(fr.status).toBe(303);
    expect(fr.headers.get('location')).toMatch(/^\/signaler\/merci\?id=[^&]+&n=\d+&plateforme=pronote&academie=versailles$/);

    const en = await POST(formRequest(fields(), { 'x-ecole-locale': 'en' }), undefined);
    expect(en.status).toBe(303);
    expect(en.headers.get('location')).toMatch(/^\/en\/signaler\/merci\?id=[^&]+&n=\d+&plateforme=pronote&academie=versailles$/);
  });

  test('303 back to the form in the same language, prefilled, with error codes (never text) in the URL', async () => {
    const en = await POST(formRequest(fields({ probleme: '' }), { 'x-ecole-locale': 'en' }), undefined);
    expect(en.status).toBe(303);
    expect(en.headers.get('location')).toBe('/en/signaler?plateforme=pronote&academie=versailles&erreurs=probleme%3Acategory_required#erreurs');

    const fr = await POST(formRequest(fields({ probleme: '' }), { 'x-ecole-locale': 'xx' }), undefined);
    expect(fr.headers.get('location')).toBe('/signaler?plateforme=pronote&academie=versailles&erreurs=probleme%3Acategory_required#erreurs');
  });
});
