const MINUTE_MS = 60_000;

/** Mean work ≈ 1 250 PBKDF2 calls × 1 000 iterations (native WebCrypto): an estimated 1–3 s on a phone. */
export const POW_ALGORITHM = 'PBKDF2/SHA-256';
export const POW_COST = 1_000;
export const POW_COUNTER_MIN = 500;
export const POW_COUNTER_MAX = 2_000;
export const POW_TTL_MS = 10 * MINUTE_MS;
export const POW_PAYLOAD_MAX_LENGTH = 4_096;

/** PoW switches on when the last-minute report count exceeds max(FACTOR_ON × baseline, FLOOR_ON; in lib/domain/limits.ts). */
export const SURGE_FACTOR_ON = 4;
/** …and off when it drops below max(FACTOR_OFF × baseline, FLOOR_OFF), after SURGE_MIN_ON_MS. */
export const SURGE_FACTOR_OFF = 2;
export const SURGE_FLOOR_OFF_PER_MINUTE = 30;
export const SURGE_MIN_ON_MS = 10 * MINUTE_MS;
/** EWMA half-life of the baseline; while PoW is on the baseline adapts 4× slower. */
export const SURGE_HALF_LIFE_MS = 30 * MINUTE_MS;
export const SURGE_ACTIVE_HALF_LIFE_MS = 120 * MINUTE_MS;
