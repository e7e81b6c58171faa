import type { AttachResult, LiveHub, LiveSink } from './hub';
import { SSE_HEADERS } from './sse';
import { connectionCapError, parseStreamRequest } from './stream-request';

const HIGH_WATER_BYTES = 64 * 1024;

/** GET /api/flux as a web Response (Next.js route handler); throws AppError for bad input or a full server. */
export function liveStreamResponse(hub: LiveHub, request: Request): Response {
  const params = parseStreamRequest({ search: new URL(request.url).searchParams, lastEventId: request.headers.get('last-event-id') });
  const encoder = new TextEncoder();
  // Set by start(), which the constructor runs synchronously.
  let attached = { ok: false, retryAfterSeconds: 5 } as AttachResult;
  let open = true;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const sink: LiveSink = {
          write: (chunk) => {
            if (open) controller.enqueue(encoder.encode(chunk));
          },
          backlog: () => Math.max(0, HIGH_WATER_BYTES - (controller.desiredSize ?? HIGH_WATER_BYTES)),
          close: () => {
            if (!open) return;
            open = false;
            controller.close();
          },
        };
        attached = hub.attach({ ...params, sink });
      },
      cancel() {
        open = false;
        if (attached.ok) attached.detach();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
  );
  if (!attached.ok) throw connectionCapError(attached.retryAfterSeconds);
  const detach = attached.detach;
  request.signal.addEventListener('abort', () => {
    detach();
    if (open) {
      open = false;
      stream.cancel().catch(() => {});
    }
  });
  return new Response(stream, { status: 200, headers: SSE_HEADERS });
}
