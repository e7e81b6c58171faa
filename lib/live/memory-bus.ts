import type { BusHandlers, LiveBus } from './types';

/** In-process bus (the embedded default: one instance). Delivery is synchronous. */
export function createMemoryBus(): LiveBus {
  const subscribers = new Set<BusHandlers>();
  return {
    kind: 'memory',
    async publish(deltas) {
      for (const handlers of subscribers) handlers.onDeltas(deltas);
    },
    async subscribe(handlers) {
      subscribers.add(handlers);
      return () => {
        subscribers.delete(handlers);
      };
    },
    async close() {
      subscribers.clear();
    },
  };
}
