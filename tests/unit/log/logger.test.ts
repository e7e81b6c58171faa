import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/config/env-schema';
import { LOG_LEVELS } from '@/lib/log/levels';
import { componentLogger, errorMessage, logger } from '@/lib/log/logger';

describe('logger', () => {
  it('takes its level from LOG_LEVEL (the test runner sets error)', () => {
    expect(logger.level).toBe(process.env.LOG_LEVEL ?? 'info');
    expect(logger.isLevelEnabled('info')).toBe(LOG_LEVELS.indexOf(logger.level as never) <= 1);
  });

  it('tags component loggers and shares the root level', () => {
    const child = componentLogger('ingest');
    expect(child.bindings()).toMatchObject({ component: 'ingest' });
    expect(child.level).toBe(logger.level);
  });

  it('accepts in the env schema exactly the levels the logger knows', () => {
    for (const level of LOG_LEVELS) expect(parseEnv({ LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    expect(() => parseEnv({ LOG_LEVEL: 'verbose' })).toThrow();
  });

  it('reduces thrown values to a message', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
  });
});
