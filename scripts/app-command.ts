/** The production app server (launcher + HTTP layer), as spawned by tests and benchmarks. */
export const APP_SERVER_ARGS = [
  '--import',
  'tsx',
  'scripts/run-with-db.ts',
  '--',
  'node',
  '--import',
  'tsx',
  '--import',
  './scripts/hooks/register.mjs',
  'scripts/serve.ts',
];
