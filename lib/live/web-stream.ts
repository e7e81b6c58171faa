import 'server-only';
import type { LiveSink } from './hub';
import { openLiveStream } from './open-stream';
import { SSE_HEADERS } from './sse';

const HIGH_WATER_BYTES = 64 * 1024;

/** GET /api/flux as a web Response (Next.js route handler); throws AppError for bad input or a full server. */
export async function liveStreamResponse(request: Request): Promise<Response> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let open = true;
  let detach = () => {};
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel() {
        open = false;
        detach();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
  );
  const sink: LiveSink = {
    write: (chunk) => {
      if (open) controller?.enqueue(encoder.encode(chunk));
    },
    backlog: () => Math.max(0, HIGH_WATER_BYTES - (controller?.desiredSize ?? HIGH_WATER_BYTES)),
    close: () => {
      if (!open) return;
      open = false;
      controller?.close();
    },
  };
  detach = (await openLiveStream({ url: request.url, headers: request.headers, sink })).detach;
  request.signal.addEventListener('abort', () => {
    detach();
    if (open) {
      open = false;
      stream.cancel().catch(() => {});
    }
  });
  return new Response(stream, { status: 200, headers: SSE_HEADERS });
}
