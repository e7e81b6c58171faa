import { describe, expect, test } from 'vitest';
import { qrModules } from '@/lib/auth/totp-qr';

describe('qrModules', () => {
  test('draws a square QR code with its three finder patterns for an otpauth URI', () => {
    const modules = qrModules('otpauth://totp/%C3%89cole%20en%20panne:admin%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=%C3%89cole%20en%20panne');
    const size = modules.length;
    expect(size).toBeGreaterThanOrEqual(21);
    expect(modules.every((row) => row.length === size)).toBe(true);
    for (const [x, y] of [[0, 0], [size - 7, 0], [0, size - 7]] as const) {
      expect(modules[y]?.slice(x, x + 7)).toEqual(Array(7).fill(true));
      expect(modules[y + 1]?.slice(x, x + 7)).toEqual([true, false, false, false, false, false, true]);
    }
  });
});
