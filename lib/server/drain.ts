import type http from 'node:http';
import net from 'node:net';

export type Drain = {
  /** Counts a request until its response closes; long-lived streams are left out (`track: false`). */
  track(req: http.IncomingMessage, res: http.ServerResponse): void;
  isDraining(): boolean;
  inflight(): number;
  /**
   * Stops accepting connections, lets requests in flight finish (answers sent while draining ask
   * the client to close its connection), and resolves when none is left or after `graceMs`, when
   * the remaining connections are cut. Resolves `true` when everything finished in time.
   */
  drain(graceMs: number): Promise<boolean>;
};

/** How long keep-alive clients have to learn that the server is closing before their idle sockets are closed (ms). */
const IDLE_CLOSE_DELAY_MS = 1_000;

export function createDrain(server: http.Server): Drain {
  const active = new Set<http.ServerResponse>();
  let draining = false;
  let idle: (() => void) | null = null;

  return {
    track(_req, res) {
      active.add(res);
      if (draining && !res.headersSent) res.setHeader('connection', 'close');
      res.once('close', () => {
        active.delete(res);
        if (active.size === 0) idle?.();
      });
    },
    isDraining: () => draining,
    inflight: () => active.size,
    async drain(graceMs) {
      draining = true;
      for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
      // Only the listener: http.Server#close() also closes idle keep-alive sockets at once (Node ≥ 19), which
      // resets a request a client has just written on one of them.
      net.Server.prototype.close.call(server);
      // Keep-alive clients get one more answer carrying `Connection: close` and hang up themselves; closing their
      // idle sockets at once would reset a request already on its way on one of them.
      await new Promise((resolve) => setTimeout(resolve, Math.min(IDLE_CLOSE_DELAY_MS, graceMs)));
      server.closeIdleConnections();
      const settled = await new Promise<boolean>((resolve) => {
        if (active.size === 0) return resolve(true);
        const timer = setTimeout(() => resolve(false), graceMs);
        idle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      server.closeAllConnections();
      return settled;
    },
  };
}
