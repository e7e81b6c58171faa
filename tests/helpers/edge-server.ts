import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EdgeLimits } from '@/lib/server/listener';

/** Our HTTP server (lib/server) on a loopback port, with a stand-in for Next.js that answers 404 "next". */
export async function startEdgeServer(limits: Partial<EdgeLimits> = {}): Promise<{ port: number; close(): Promise<void> }> {
  const { createEdgeServer, edgeLimitsFromEnv } = await import('@/lib/server/listener');
  const next = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('next');
  };
  const { server, load } = createEdgeServer({ next, limits: { ...edgeLimitsFromEnv(), ...limits } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    async close() {
      load.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
