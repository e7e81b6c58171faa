import type http from 'node:http';
import { toErrorPayload } from '@/lib/http/error-payload';
import { readAccessHeaders, requireReadAccess } from '@/lib/http/read-access';
import type { LiveHub, LiveSink } from './hub';
import { SSE_HEADERS } from './sse';
import { connectionCapError, parseStreamRequest } from './stream-request';

function sendError(res: http.ServerResponse, error: unknown): void {
  const payload = toErrorPayload(error);
  res.writeHead(payload.status, payload.headers);
  res.end(payload.body);
}

/** GET /api/flux on a Node response (scripts/serve.ts): the stream stays open until the client leaves. */
export async function serveLiveStream(hub: LiveHub, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let params;
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const header = req.headers['last-event-id'];
    params = parseStreamRequest({ search: url.searchParams, lastEventId: Array.isArray(header) ? (header[0] ?? null) : (header ?? null) });
    await requireReadAccess({ headers: readAccessHeaders(req.headers) });
  } catch (error) {
    sendError(res, error);
    return;
  }
  // The client may have left while its access was checked.
  if (res.destroyed || req.socket.destroyed) return;
  const sink: LiveSink = {
    write(chunk) {
      if (!res.headersSent) res.writeHead(200, SSE_HEADERS);
      res.write(chunk);
    },
    backlog: () => res.writableLength,
    close: () => res.end(),
  };
  const attached = hub.attach({ ...params, sink });
  if (!attached.ok) {
    sendError(res, connectionCapError(attached.retryAfterSeconds));
    return;
  }
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true, 30_000);
  res.once('close', attached.detach);
}
