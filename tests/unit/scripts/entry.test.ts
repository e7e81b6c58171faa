import { describe, expect, test } from 'vitest';
import { inProcessEntry, siblingEntry, WORKER_NODE_FLAGS } from '../../../scripts/entry';

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

describe('inProcessEntry', () => {
  test('a compiled script run by plain node can run in this process, with its arguments', () => {
    expect(inProcessEntry(['node', 'dist/serve.js'], '/usr/bin/node')).toEqual({ script: 'dist/serve.js', args: [] });
    expect(inProcessEntry(['/opt/node', 'dist/serve.js', '--x'], '/opt/node')).toEqual({ script: 'dist/serve.js', args: ['--x'] });
  });

  test('node flags, TypeScript through tsx or another program keep their own process', () => {
    expect(inProcessEntry(['node', '--import', 'tsx', 'scripts/serve.ts'], '/usr/bin/node')).toBeNull();
    expect(inProcessEntry(['node', '--max-semi-space-size=8', 'dist/serve.js'], '/usr/bin/node')).toBeNull();
    expect(inProcessEntry(['/usr/bin/python3', 'serve.js'], '/usr/bin/node')).toBeNull();
    expect(inProcessEntry(['node'], '/usr/bin/node')).toBeNull();
  });
});
