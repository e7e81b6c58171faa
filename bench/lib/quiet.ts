import os from 'node:os';

/** The machine is shared: waits (at most `maxMs`) until the 1-minute load average falls to the core count. */
export async function waitForQuiet(maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  while ((os.loadavg()[0] ?? 0) > os.cpus().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2000));
}
