import { describe, expect, test } from 'vitest';
import { siblingEntry, WORKER_NODE_FLAGS } from '../../../scripts/entry';

describe('siblingEntry', () => {
  test('puts node flags before the loader hooks and the script, where node reads them', () => {
    const { command, args } = siblingEntry('worker', WORKER_NODE_FLAGS);
    expect(command).toBe(process.execPath);
    expect(args.slice(0, WORKER_NODE_FLAGS.length)).toEqual(WORKER_NODE_FLAGS);
    expect(args.at(-1)).toMatch(/scripts\/worker\.ts$/);
  });

  test('adds no flag when none is given', () => {
    expect(siblingEntry('prepare-db').args[0]).toBe('--import');
  });
});
