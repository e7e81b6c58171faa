import { describe, expect, test, vi } from 'vitest';
import { superviseChild } from '@/lib/worker/supervise';

describe('superviseChild', () => {
  test('restarts a child that dies, with back-off, and stops it for good on stop()', async () => {
    const lines: string[] = [];
    const supervised = superviseChild({ name: 'crash', command: process.execPath, args: ['-e', 'process.exit(3)'], log: (l) => lines.push(l) });
    await vi.waitFor(() => expect(supervised.restarts()).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 100 });
    await supervised.stop();
    const after = supervised.restarts();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(supervised.restarts()).toBe(after);
    expect(lines[0]).toMatch(/\[crash\] arrêté \(code 3\), relancé dans/);
  });

  test('stop() ends a running child with SIGTERM and waits for it', async () => {
    const supervised = superviseChild({ name: 'idle', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], log: () => {} });
    await vi.waitFor(() => expect(supervised.pid()).toBeDefined());
    const pid = supervised.pid() as number;
    await supervised.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(supervised.restarts()).toBe(0);
  });
});
