// Built-in defaults of two admin settings (lib/domain/settings.ts), read by the env schema too.

/** Request-level limit per source fingerprint per minute, whatever the outcome (HTTP 429 above). */
export const REQUEST_LIMIT = 30;
/** Proof of work never switches on below this many reports per minute (all sources). */
export const SURGE_FLOOR_ON_PER_MINUTE = 60;
