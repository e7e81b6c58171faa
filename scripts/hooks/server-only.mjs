// Node resolve hook for scripts/serve.ts: `server-only` guards client bundles inside Next.js; in our
// plain Node server process every module is server code, so it resolves to an empty module.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {};', shortCircuit: true };
  return nextResolve(specifier, context);
}
