import type http from 'node:http';
import net from 'node:net';
import { AppError } from '@/lib/http/errors';
import { writeError } from './respond';

export type Drain = {
  /**
   * Called first for every request. Outside a drain it counts the request until its response closes
   * and returns true. While draining it answers 503 « arrêt en cours » at once (with `Connection: close`
   * and `Retry-After`) and returns false: the caller must not handle the request.
   */
  admit(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  isDraining(): boolean;
  inflight(): number;
  /**
   * Lets requests in flight finish (their answers ask the client to close its connection) while new
   * requests get a quick 503, then stops listening and closes what is left. Resolves when no admitted
   * request is left or after `graceMs` (`true` when everything finished in time).
   */
  drain(graceMs: number): Promise<boolean>;
};

/** After the listener is closed, how long connections accepted just before get to send their request (ms). */
const LAST_ACCEPTED_GRACE_MS = 200;

const SHUTTING_DOWN = 'Arrêt en cours : réessayez dans quelques secondes.';

const nextCheckPhase = () => new Promise((resolve) => setImmediate(resolve));
/** The listener is closed after this long without a new connection (ms)… */
const QUIET_MS = 20;
/** …or after this long at the most (ms). */
const MAX_QUIET_WAIT_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createDrain(server: http.Server): Drain {
  const active = new Set<http.ServerResponse>();
  let draining = false;
  let idle: (() => void) | null = null;
  let accepted = 0;
  let lastConnectionAt = 0;
  server.on('connection', () => {
    accepted += 1;
    lastConnectionAt = performance.now();
  });

  return {
    admit(req, res) {
      if (draining) {
        req.resume();
        writeError(res, new AppError('unavailable', SHUTTING_DOWN, { retryAfterSeconds: 2 }), { close: true });
        return false;
      }
      active.add(res);
      res.once('close', () => {
        active.delete(res);
        if (active.size === 0) idle?.();
      });
      return true;
    },
    isDraining: () => draining,
    inflight: () => active.size,
    async drain(graceMs) {
      draining = true;
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      // The listener stays open while requests finish: a connection waiting in the kernel's accept queue
      // is accepted and answered 503, where closing the listener would have the kernel reset it.
      const settled = await new Promise<boolean>((resolve) => {
        if (active.size === 0) return resolve(true);
        const timer = setTimeout(() => resolve(false), graceMs);
        idle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      // Clients whose request just finished reconnect at once, in bursts: close the listener in a gap
      // between connections, right after a poll phase, so that the accept queue is (nearly always) empty
      // (closing it resets what waits there). Only the listener: http.Server#close() would also close idle
      // keep-alive sockets at once, resetting a request just written on one of them.
      const quietBy = performance.now() + Math.min(MAX_QUIET_WAIT_MS, graceMs);
      while (performance.now() < quietBy) {
        if (performance.now() - lastConnectionAt < QUIET_MS) {
          await sleep(5);
          continue;
        }
        const before = accepted;
        await nextCheckPhase();
        await nextCheckPhase();
        if (accepted === before) break;
      }
      net.Server.prototype.close.call(server);
      await sleep(Math.min(LAST_ACCEPTED_GRACE_MS, graceMs));
      server.closeIdleConnections();
      server.closeAllConnections();
      return settled;
    },
  };
}
