/**
 * Stages of one request, sent back as a `Server-Timing` header (ms, one decimal): where an answer's
 * time went inside the app (body, limits, batch wait, database…), readable by any client or benchmark.
 */
export type Spans = {
  /** Closes the current stage under `name` (time since the previous mark, or since the start). */
  mark(name: string): void;
  /** `name;dur=…` entries, then `app;dur=` (the whole time since the start). */
  header(): string;
};

export function createSpans(start: number = performance.now(), clock: () => number = () => performance.now()): Spans {
  const stages: Array<[string, number]> = [];
  let last = start;
  return {
    mark(name) {
      const now = clock();
      stages.push([name, now - last]);
      last = now;
    },
    header() {
      const total = clock() - start;
      return [...stages, ['app', total] as [string, number]].map(([n, d]) => `${n};dur=${d.toFixed(1)}`).join(', ');
    },
  };
}

/** The durations of a `Server-Timing` header by name (unknown or malformed entries skipped). */
export function parseServerTiming(header: string | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of (header ?? '').split(',')) {
    const m = /^\s*([\w-]+)\s*;.*\bdur=([\d.]+)/.exec(entry);
    if (m?.[1] && m[2]) out[m[1]] = Number(m[2]);
  }
  return out;
}
