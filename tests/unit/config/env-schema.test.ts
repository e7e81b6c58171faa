import { describe, expect, test } from 'vitest';
import { EnvError, parseEnv } from '@/lib/config/env-schema';

describe('parseEnv', () => {
  test('gives defaults for the embedded setup', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './.data', POW_MODE: 'auto', TRUSTED_PROXIES: [] });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test('takes the embedded shared buffers as a size in MB and refuses anything else', () => {
    expect(parseEnv({ EMBEDDED_DB_SHARED_BUFFERS: '64MB' }).EMBEDDED_DB_SHARED_BUFFERS).toBe('64MB');
    expect(parseEnv({}).EMBEDDED_DB_SHARED_BUFFERS).toBeUndefined();
    for (const bad of ['64', '1GB', '64MB; drop', '-1MB']) {
      expect(() => parseEnv({ EMBEDDED_DB_SHARED_BUFFERS: bad })).toThrow(/EMBEDDED_DB_SHARED_BUFFERS.*taille en Mo/s);
    }
  });

  test('parses lists and numbers', () => {
    const env = parseEnv({ PORT: '8080', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8', DATABASE_URL: 'postgresql://u:p@db:5432/app' });
    expect(env.PORT).toBe(8080);
    expect(env.TRUSTED_PROXIES).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(env.DATABASE_URL).toBe('postgresql://u:p@db:5432/app');
  });

  test('names every bad variable, in French and English', () => {
    try {
      parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', POW_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const e = error as EnvError;
      expect(e.variables.sort()).toEqual(['DATABASE_URL', 'PORT', 'POW_SECRET']);
      expect(e.message).toContain('Configuration invalide / invalid configuration');
      expect(e.message).toContain('PORT');
      expect(e.message).toContain('must be');
    }
  });

  test('the report retention is a whole number of months, unset by default', () => {
    expect(parseEnv({}).REPORT_RETENTION_MONTHS).toBeUndefined();
    expect(parseEnv({ REPORT_RETENTION_MONTHS: '13', REPORT_ARCHIVE_DIR: '/srv/archives' })).toMatchObject({ REPORT_RETENTION_MONTHS: 13, REPORT_ARCHIVE_DIR: '/srv/archives' });
    expect(() => parseEnv({ REPORT_RETENTION_MONTHS: '0' })).toThrow(/REPORT_RETENTION_MONTHS/);
    expect(() => parseEnv({ REPORT_RETENTION_MONTHS: 'treize' })).toThrow(/REPORT_RETENTION_MONTHS/);
  });

  test('settings defaults are optional and bounded like the settings themselves', () => {
    expect(parseEnv({ READ_LIMIT_PER_MINUTE: '', REPORT_LIMIT_PER_MINUTE: '45' })).toMatchObject({ READ_LIMIT_PER_MINUTE: undefined, REPORT_LIMIT_PER_MINUTE: 45 });
    try {
      parseEnv({ READ_LIMIT_API_KEY_PER_MINUTE: '0', POW_SURGE_FLOOR_PER_MINUTE: 'beaucoup' });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).variables.sort()).toEqual(['POW_SURGE_FLOOR_PER_MINUTE', 'READ_LIMIT_API_KEY_PER_MINUTE']);
    }
  });
});
