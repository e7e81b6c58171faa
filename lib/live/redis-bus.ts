import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createRedisClient } from '@/lib/redis/client';
import { decodeMessage, encodeMessages } from './codec';
import { busReconnectDelayMs } from './reconnect';
import type { BusHandlers, LiveBus, LiveLog } from './types';

export const REDIS_CHANNEL = 'ecole:live';

/**
 * Redis pub/sub bus: a subscriber connection (ioredis reconnects and resubscribes by itself; a
 * reconnection is reported as a gap) and a publisher that fails fast when Redis is away.
 */
export function createRedisBus(opts: { url: string; channel?: string; log?: LiveLog }): LiveBus {
  const channel = opts.channel ?? REDIS_CHANNEL;
  const log = opts.log ?? (() => {});
  const publisher = createRedisClient(opts.url, { retryStrategy: (n) => busReconnectDelayMs(n) });
  // No command deadline here: nothing on a request path waits for the subscriber.
  const subscriber = new Redis(opts.url, { maxRetriesPerRequest: null, retryStrategy: (n) => busReconnectDelayMs(n) });
  publisher.on('error', () => {});
  const subscribers = new Set<BusHandlers>();
  let subscribed: Promise<unknown> | null = null;
  let missed = false;

  subscriber.on('error', () => {});
  subscriber.on('close', () => {
    if (!missed && subscribed) log('warn', '[live] connexion Redis perdue, reconnexion…');
    if (subscribed) missed = true;
  });
  subscriber.on('ready', () => {
    if (!missed) return;
    missed = false;
    for (const s of subscribers) s.onGap();
  });
  subscriber.on('message', (ch: string, payload: string) => {
    if (ch !== channel) return;
    const { deltas, invalid } = decodeMessage(payload);
    if (invalid > 0) log('warn', `[live] ${invalid} message(s) illisible(s) ignoré(s) sur ${channel}`);
    if (deltas.length > 0) for (const s of subscribers) s.onDeltas(deltas);
  });

  return {
    kind: 'redis',
    async publish(deltas) {
      const messages = encodeMessages(deltas, () => randomBytes(6).toString('base64url'));
      if (messages.length === 0) return;
      if (messages.length === 1) {
        await publisher.publish(channel, messages[0] as string);
        return;
      }
      const pipeline = publisher.pipeline();
      for (const m of messages) pipeline.publish(channel, m);
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    },
    async subscribe(handlers) {
      subscribers.add(handlers);
      subscribed ??= subscriber.subscribe(channel);
      await subscribed;
      return () => {
        subscribers.delete(handlers);
      };
    },
    async close() {
      subscribers.clear();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
