import 'server-only';
import type http from 'node:http';
import type { LiveSink } from '@/lib/live/hub';
import { openLiveStream } from '@/lib/live/open-stream';
import { SSE_HEADERS } from '@/lib/live/sse';
import { apiSecurityHeaders } from '@/lib/http/security-headers';
import { toWebHeaders } from './node-headers';
import { writeError } from './respond';

/** GET /api/flux on a Node response: the same openLiveStream() as the route; open until the client leaves. */
export async function serveLiveStream(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const sink: LiveSink = {
    write(chunk) {
      if (!res.headersSent) res.writeHead(200, { ...apiSecurityHeaders(), ...SSE_HEADERS });
      res.write(chunk);
    },
    backlog: () => res.writableLength,
    close: () => res.end(),
  };
  let stream: { detach(): void };
  try {
    stream = await openLiveStream({ url: req.url ?? '/', headers: toWebHeaders(req.headers), sink });
  } catch (error) {
    writeError(res, error);
    return;
  }
  if (res.destroyed || req.socket.destroyed) {
    stream.detach();
    return;
  }
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true, 30_000);
  res.once('close', stream.detach);
}
