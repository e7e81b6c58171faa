const UNAVAILABLE_PATTERNS = [
  /ECONNREFUSED/,
  /ECONNRESET/,
  /ETIMEDOUT/,
  /timeout/i,
  /Connection terminated/i,
  /connect/i,
  /DatabaseNotReachable|reach database server/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  // Admin shutdown, crash shutdown, cannot connect now (SQLSTATE class 57P), as raw queries report them.
  /\b57P0[1-3]\b/,
  /too many clients/i,
  /canceling statement due to statement timeout/i,
];

/** True for errors meaning "the database cannot answer now" (down, hung, overloaded). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${error.message} ${(error as { code?: unknown }).code ?? ''}`;
  if (/P1001|P1002|P1008|P1017|P2024/.test(text)) return true;
  return UNAVAILABLE_PATTERNS.some((pattern) => pattern.test(text));
}
