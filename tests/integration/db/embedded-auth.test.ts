import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from '@/lib/db/embedded/owner';

let server: EmbeddedServer;
beforeAll(async () => {
  server = await startEmbeddedServer({ dataDir: 'memory://' });
  const setup = new pg.Client({ connectionString: server.url });
  await setup.connect();
  await setup.query('CREATE TABLE public.auth_probe (id int); INSERT INTO public.auth_probe VALUES (1);');
  await setup.end();
});
afterAll(() => server.stop());

function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = password;
  return u.toString();
}

function startupMessage(): Buffer {
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + params.length, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, params]);
}

function simpleQuery(sql: string): Buffer {
  const body = Buffer.from(`${sql}\0`);
  const head = Buffer.alloc(5);
  head.write('Q', 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** A raw client that skips the password and sends a query: everything the server answers, until it closes. */
function rawWithoutPassword(port: number, sql: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => reject(new Error('still connected after 5 s')), 5_000);
    socket.on('connect', () => socket.write(Buffer.concat([startupMessage(), simpleQuery(sql)])));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

describe('embedded database: only the app may connect', () => {
  test('the app’s URL (password of this start) connects', async () => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    expect((await client.query('SELECT count(*)::int AS n FROM auth_probe')).rows[0]).toEqual({ n: 1 });
    await client.end();
  });

  test.each([['the old fixed password', 'postgres'], ['a wrong password', 'x'.repeat(32)]])('%s is refused (28P01)', async (_, password) => {
    const client = new pg.Client({ connectionString: withPassword(server.url, password) });
    client.on('error', () => {});
    await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  test('a client that skips the password gets no answer to its query and is disconnected', async () => {
    const answer = await rawWithoutPassword(Number(new URL(server.url).port), 'SELECT id FROM auth_probe');
    const types: string[] = [];
    for (let at = 0; at + 5 <= answer.length; at += 1 + answer.readInt32BE(at + 1)) types.push(String.fromCharCode(answer[at] ?? 0));
    // A password request, then nothing: no AuthenticationOk of PGlite, no row description, no data row.
    expect(types).toEqual(['R']);
    expect(answer.readInt32BE(5)).toBe(3);
  });
});

describe('embedded database: another client’s session settings never reach the app', () => {
  test('after a pg_dump-like client empties search_path and shadows a table, the app’s next query still works', async () => {
    const app = new pg.Client({ connectionString: server.url });
    const dump = new pg.Client({ connectionString: server.url });
    await Promise.all([app.connect(), dump.connect()]);
    const searchPath = (await app.query('SHOW search_path')).rows[0];
    await dump.query("SELECT pg_catalog.set_config('search_path', '', false)");
    await dump.query('CREATE TEMP TABLE auth_probe AS SELECT 1 AS id UNION ALL SELECT 2');
    await dump.query('SET statement_timeout = 1');
    expect((await app.query('SELECT count(*)::int AS n FROM auth_probe')).rows[0]).toEqual({ n: 1 });
    expect((await app.query('SHOW search_path')).rows[0]).toEqual(searchPath);
    expect((await app.query('SHOW statement_timeout')).rows[0]).toEqual({ statement_timeout: '0' });
    await Promise.all([app.end(), dump.end()]);
  });
});

describe('embedded database files', () => {
  test('the data folder is 0700 and owner.json (port and password) is 0600', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'embedded-auth-'));
    const owned = await startEmbeddedServer({ dataDir });
    try {
      const owner = path.join(dataDir, 'owner.json');
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(owner).mode & 0o777).toBe(0o600);
      const info = JSON.parse(readFileSync(owner, 'utf8')) as { password: string };
      expect(info.password.length).toBeGreaterThanOrEqual(32);
      expect(owned.url).toContain(info.password);
    } finally {
      await owned.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
