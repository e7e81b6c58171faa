import type { OutageSpec } from './types';

/** Intensity (0–1 of the plateau) of an outage `elapsedMinutes` after its start. */
export function getOutageEnvelope(
  spec: Pick<OutageSpec, 'rampMinutes' | 'decay'>,
  elapsedMinutes: number,
): number {
  const ramp = spec.rampMinutes ?? 0;
  if (ramp > 0 && elapsedMinutes < ramp) return Math.min(1, (elapsedMinutes + 1) / ramp);
  if (!spec.decay) return 1;
  const { halfLifeMinutes, floor } = spec.decay;
  const decayed = Math.pow(0.5, (elapsedMinutes - ramp) / halfLifeMinutes);
  return floor + (1 - floor) * decayed;
}
