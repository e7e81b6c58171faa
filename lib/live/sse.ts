/** Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html). */

export const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-store, no-transform',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
  connection: 'keep-alive',
};

/** One event; `data` must be a single line (JSON.stringify output is). */
export function sseEvent(id: number, data: string): string {
  if (/[\r\n]/.test(data)) throw new Error('SSE data must be a single line');
  return `id: ${id}\ndata: ${data}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies and idle timers from closing the stream. */
export function sseComment(text = ''): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** Reconnection delay hint for EventSource, in milliseconds. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

/** The resume point from the Last-Event-ID header (EventSource reconnects) or a query value (first connection). */
export function parseLastEventId(header: string | null | undefined, query?: string | null): number | null {
  for (const raw of [header, query]) {
    const value = raw?.trim();
    if (value && /^\d{1,16}$/.test(value)) {
      const n = Number(value);
      if (Number.isSafeInteger(n)) return n;
    }
  }
  return null;
}
