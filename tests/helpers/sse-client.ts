import { createSseParser } from '@/lib/live/sse-parser';
import type { StreamDelta } from '@/lib/map-state/types';
import { streamItems, type StreamItem } from './stream-items';

/** `frames`: the deltas as sent; `deltas`: the same with counts frames expanded to one item per report. */
export type SseCollector = {
  frames: StreamDelta[];
  deltas: StreamItem[];
  ids: string[];
  raw: string;
  waitFor(predicate: (d: StreamItem) => boolean, timeoutMs?: number): Promise<StreamItem>;
};

/** Reads an event stream body in the background and collects its deltas. */
export function collectSse(body: ReadableStream<Uint8Array>): SseCollector {
  const collector: SseCollector = {
    frames: [],
    deltas: [],
    ids: [],
    raw: '',
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = collector.deltas.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching delta within ${timeoutMs} ms; got ${JSON.stringify(collector.deltas)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
  const feed = createSseParser((m) => {
    const delta = JSON.parse(m.data) as StreamDelta;
    collector.frames.push(delta);
    collector.deltas.push(...streamItems(delta));
    if (m.id) collector.ids.push(m.id);
  });
  const decoder = new TextDecoder();
  void (async () => {
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const text = decoder.decode(value, { stream: true });
        collector.raw += text;
        feed(text);
      }
    } catch {
      // aborted by the test
    }
  })();
  return collector;
}
