import net from 'node:net';

/** A TCP server that accepts connections and never answers: a hung database. */
export async function startHungDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `postgresql://x:y@127.0.0.1:${port}/none`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A database address where nothing listens. */
export const DEAD_DATABASE_URL = 'postgresql://x:y@127.0.0.1:1/none';
