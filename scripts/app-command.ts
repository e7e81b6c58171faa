/** The production app server (compiled launcher + HTTP layer, `npm run build`), as spawned by tests and benchmarks. */
export const APP_SERVER_ARGS = ['dist/run-with-db.js', '--', process.execPath, 'dist/serve.js'];
