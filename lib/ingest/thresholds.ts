const MINUTE_MS = 60_000;

export const COMMENT_MAX_LENGTH = 500;
export const SLUG_MAX_LENGTH = 64;
export const TOKEN_MIN_LENGTH = 16;
export const TOKEN_MAX_LENGTH = 64;
/** A device token or idempotency key: base64url, as the browser generates it and the server accepts it. */
export const TOKEN_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${TOKEN_MIN_LENGTH},${TOKEN_MAX_LENGTH}}$`);
export const HONEYPOT_MAX_LENGTH = 1_000;

/** Clock skew tolerated on `observedAt` before it counts as "in the future" (ms). */
export const OBSERVED_AT_MAX_SKEW_MS = 2 * MINUTE_MS;
/** Oldest `observedAt` accepted: the offline outbox drops anything older (ms). */
export const OBSERVED_AT_MAX_AGE_MS = 24 * 60 * MINUTE_MS;

/** One counted report per platform per source fingerprint (and per device token) in this window (ms). */
export const COUNT_WINDOW_MS = 10 * MINUTE_MS;
/** Same source + platform + académie + category inside this window is a duplicate (ms). */
export const DUPLICATE_WINDOW_MS = 10 * MINUTE_MS;

/** Identical comments from this many distinct sources inside FLOOD_WINDOW_MS are a flood. */
export const FLOOD_MIN_SOURCES = 5;
export const FLOOD_WINDOW_MS = 5 * MINUTE_MS;
/** Short comments ("ça marche pas") are legitimately repeated during a real outage. */
export const FLOOD_MIN_COMMENT_LENGTH = 24;

export const REQUEST_WINDOW_MS = MINUTE_MS;

/**
 * Distinct reporters one source (an IPv4 address or IPv6 /64) may add per platform in any
 * REPORTER_WINDOW_MS without proof of work, each with its own device token. A home or a small
 * office is a few devices behind one address; one laptop rotating User-Agents or tokens is then
 * worth at most this many, which stays under the detector's MIN_REPORTERS_POSSIBLE (4).
 */
export const SOURCE_FREE_REPORTERS = 3;
/**
 * Ceiling per source and platform in the window, reached only with a solved proof of work and a
 * new device token each: a school or a carrier's CGNAT address serves hundreds of people, but a
 * bigger share of one outage from one address is more likely one machine paying for its proofs.
 */
export const SOURCE_MAX_REPORTERS = 200;
/** Sliding window of the per-source reporter budget (ms): an hour, like the distinct-reporter rule. */
export const REPORTER_WINDOW_MS = 60 * MINUTE_MS;
