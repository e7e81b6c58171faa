import type { LiveDelta } from '@/lib/map-state/types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A delta before its publisher's hub numbers it (what intake, moderation and watchers hand over). */
export type LiveEvent = DistributiveOmit<LiveDelta, 'seq'>;

export type LiveBusKind = 'memory' | 'postgres' | 'redis';

export type BusHandlers = {
  /** Deltas as numbered by their publisher (the same seq on every instance). */
  onDeltas(deltas: LiveDelta[]): void;
  /** The subscription was lost and is back: messages may have been missed meanwhile. */
  onGap(): void;
};

/** Fan-out between app instances (or within one): every subscriber receives every published event. */
export type LiveBus = {
  readonly kind: LiveBusKind;
  /** Rejects when the bus cannot take the deltas (the caller decides what to do; intake never fails on it). */
  publish(deltas: LiveDelta[]): Promise<void>;
  /** Resolves once listening; the returned function unsubscribes. */
  subscribe(handlers: BusHandlers): Promise<() => void>;
  close(): Promise<void>;
};

export type LiveLog = (level: 'info' | 'warn' | 'error', message: string) => void;
