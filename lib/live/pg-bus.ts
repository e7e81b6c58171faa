import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { decodeMessage, encodeMessages } from './codec';
import { busReconnectDelayMs } from './reconnect';
import type { BusHandlers, LiveBus, LiveLog } from './types';

export const PG_CHANNEL = 'ecole_live';
const PING_MS = 30_000;
const TIMEOUT_MS = 3_000;

/**
 * PostgreSQL LISTEN/NOTIFY bus: one dedicated listening connection (reconnected with back-off,
 * checked every 30 s) and a pool of two for NOTIFY. Payloads are compact and stay under 7 KB.
 */
export function createPgBus(opts: { url: string; channel?: string; log?: LiveLog }): LiveBus {
  const channel = opts.channel ?? PG_CHANNEL;
  const log = opts.log ?? (() => {});
  const pool = new pg.Pool({ connectionString: opts.url, max: 2, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS, idleTimeoutMillis: 60_000 });
  pool.on('error', () => {});
  const subscribers = new Set<BusHandlers>();
  let listener: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let failures = 0;
  let missed = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;

  const deliver = (payload: string | undefined) => {
    const { deltas, invalid } = decodeMessage(payload ?? '');
    if (invalid > 0) log('warn', `[live] ${invalid} message(s) illisible(s) ignoré(s) sur ${channel}`);
    if (deltas.length > 0) for (const s of subscribers) s.onDeltas(deltas);
  };

  const drop = (client: pg.Client, reason: string) => {
    if (listener !== client) return;
    listener = null;
    if (pingTimer) clearInterval(pingTimer);
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    if (closed) return;
    missed = true;
    log('warn', `[live] connexion LISTEN perdue (${reason}), reconnexion…`);
    schedule();
  };

  const schedule = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect().catch(() => {});
    }, busReconnectDelayMs(failures));
    retryTimer.unref();
  };

  const connect = (): Promise<void> => {
    connecting ??= (async () => {
      const client = new pg.Client({ connectionString: opts.url, keepAlive: true, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
      client.on('error', (error) => drop(client, error.message));
      client.on('end', () => drop(client, 'fin de connexion'));
      client.on('notification', (n) => {
        if (n.channel === channel) deliver(n.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        failures += 1;
        missed = true;
        client.removeAllListeners();
        client.on('error', () => {});
        await client.end().catch(() => {});
        schedule();
        throw error;
      }
      listener = client;
      failures = 0;
      pingTimer = setInterval(() => {
        client.query('SELECT 1').catch((error: unknown) => drop(client, error instanceof Error ? error.message : 'ping'));
      }, PING_MS);
      pingTimer.unref();
      if (missed) for (const s of subscribers) s.onGap();
      missed = false;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  return {
    kind: 'postgres',
    async publish(deltas) {
      const messages = encodeMessages(deltas, () => randomBytes(6).toString('base64url'));
      if (messages.length === 0) return;
      await pool.query('SELECT pg_notify($1, m) FROM unnest($2::text[]) AS m', [channel, messages]);
    },
    async subscribe(handlers) {
      subscribers.add(handlers);
      if (!listener) await connect();
      return () => {
        subscribers.delete(handlers);
      };
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (pingTimer) clearInterval(pingTimer);
      const client = listener;
      listener = null;
      await Promise.all([client?.end().catch(() => {}), pool.end().catch(() => {})]);
    },
  };
}
