import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { GET as discoveryGet } from '@/app/open311/[file]/route';
import { GET as v2Get, POST as v2Post } from '@/app/open311/v2/[file]/route';
import { GET as requestGet } from '@/app/open311/v2/requests/[file]/route';
import { GET as serviceGet } from '@/app/open311/v2/services/[file]/route';
import { peerHeaderValue } from '@/lib/http/peer';
import { nextIp } from '../../helpers/requests';

const BASE = 'http://localhost:3000';
const ctx = (file: string) => ({ params: Promise.resolve({ file }) });
const get = (path: string) => new Request(`${BASE}${path}`, { headers: { 'x-ecole-peer': peerHeaderValue(nextIp()), 'user-agent': 'Open311Client/1.0' } });
const post = (path: string, form: Record<string, string>, peer = nextIp()) =>
  new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-ecole-peer': peerHeaderValue(peer), 'user-agent': 'Open311Client/1.0' },
    body: new URLSearchParams(form).toString(),
  });
const xml = (text: string) => new XMLParser().parse(text) as Record<string, Record<string, unknown>>;

describe('Open311 GeoReport v2 client flow', () => {
  test('discover, list services of an académie, read a definition, post a request and read it back (JSON and XML)', async () => {
    const discovery = await (await discoveryGet(get('/open311/discovery.json'), ctx('discovery.json'))).json();
    expect(discovery.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] });
    const endpoint = new URL(discovery.endpoints[0].url as string).pathname;
    expect(endpoint).toBe('/open311/v2');

    const services = (await (await v2Get(get(`${endpoint}/services.json?jurisdiction_id=lille`), ctx('services.json'))).json()) as Array<{ service_code: string; service_name: string; metadata: boolean }>;
    const codes = services.map((s) => s.service_code);
    expect(codes).toContain('pronote');
    expect(codes).toContain('ent-hauts-de-france');
    expect(codes).not.toContain('monlycee-net');

    const definition = await (await serviceGet(get(`${endpoint}/services/pronote.json`), ctx('pronote.json'))).json();
    const category = definition.attributes.find((a: { code: string }) => a.code === 'category');
    expect(category).toMatchObject({ required: true, datatype: 'singlevaluelist' });
    expect(category.values.map((v: { key: string }) => v.key)).toContain('login');

    const created = await v2Post(post(`${endpoint}/requests.json`, { service_code: 'pronote', jurisdiction_id: 'lille', 'attribute[category]': 'login', 'attribute[role]': 'parent', description: 'Impossible de se connecter depuis ce matin' }), ctx('requests.json'));
    expect(created.status).toBe(201);
    const [receipt] = (await created.json()) as Array<{ service_request_id: string; service_notice: string }>;
    expect(receipt?.service_request_id).toMatch(/^[0-9a-f-]{36}$/);

    const back = await requestGet(get(`${endpoint}/requests/${receipt?.service_request_id}.xml`), ctx(`${receipt?.service_request_id}.xml`));
    expect(back.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const request = xml(await back.text()).service_requests?.request as Record<string, unknown>;
    expect(request).toMatchObject({ service_request_id: receipt?.service_request_id, service_code: 'pronote', address_id: 'lille', status_notes: 'signalement compté' });
    // The comment is not public until a moderator approves it.
    expect(request.description).toBe('Impossible de se connecter');

    const list = (await (await v2Get(get(`${endpoint}/requests.json?service_code=pronote&jurisdiction_id=lille`), ctx('requests.json'))).json()) as Array<{ service_request_id: string }>;
    expect(list.map((r) => r.service_request_id)).toContain(receipt?.service_request_id);
  });

  test('a position instead of a jurisdiction finds the académie; the same abuse rules as /api/reports apply', async () => {
    const peer = nextIp();
    const first = await v2Post(post('/open311/v2/requests.json', { service_code: 'pronote', lat: '48.8566', long: '2.3522', 'attribute[category]': 'slow' }, peer), ctx('requests.json'));
    expect(first.status).toBe(201);
    const [r] = (await first.json()) as Array<{ service_request_id: string }>;
    const read = (await (await requestGet(get(`/open311/v2/requests/${r?.service_request_id}.json`), ctx(`${r?.service_request_id}.json`))).json()) as Array<{ address_id: string }>;
    expect(read[0]?.address_id).toBe('paris');
    const again = await v2Post(post('/open311/v2/requests.json', { service_code: 'pronote', jurisdiction_id: 'paris', 'attribute[category]': 'slow' }, peer), ctx('requests.json'));
    const [second] = (await again.json()) as Array<{ service_notice: string }>;
    expect(second?.service_notice).toMatch(/déjà compté/);
  });

  test('bad input gets Open311 errors with French descriptions in the requested format, never a 500', async () => {
    const cases: Array<[Promise<Response>, number]> = [
      [v2Post(post('/open311/v2/requests.json', { service_code: 'pronote', jurisdiction_id: 'lille' }), ctx('requests.json')), 400],
      [v2Post(post('/open311/v2/requests.xml', { service_code: 'inconnu', jurisdiction_id: 'lille', 'attribute[category]': 'login' }), ctx('requests.xml')), 400],
      [v2Get(get('/open311/v2/services.json?jurisdiction_id=atlantide'), ctx('services.json')), 404],
      [v2Get(get('/open311/v2/requests.json?start_date=hier'), ctx('requests.json')), 400],
      [v2Get(get('/open311/v2/requests.json?status=fixed'), ctx('requests.json')), 400],
      [serviceGet(get('/open311/v2/services/inconnu.json'), ctx('inconnu.json')), 404],
      [requestGet(get('/open311/v2/requests/%ff.json'), ctx('%ff.json')), 404],
      [v2Get(get('/open311/v2/services.csv'), ctx('services.csv')), 404],
      [discoveryGet(get('/open311/other.json'), ctx('other.json')), 404],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      const text = await res.text();
      if (res.headers.get('content-type')?.startsWith('text/xml')) expect(xml(text).errors?.error).toMatchObject({ code: status });
      else expect(JSON.parse(text)[0]).toMatchObject({ code: status, description: expect.stringMatching(/[a-zé]/) });
    }
  });
});
