// Transforms of the generated Prisma client applied when esbuild bundles dist/ (scripts/build-server.mjs). Not applied
// to lib/generated itself: Next's own bundle (pages, plain `next start`) cannot resolve the file read below
// ("expression is too dynamic"), so it keeps the generator's import.

const IMPORTED = /const \{ wasm \} = await import\("@prisma\/client\/runtime\/(query_compiler_\w+\.postgresql\.wasm-base64\.mjs)"\)\n(\s*)return await decodeBase64AsWasm\(wasm\)/;

/**
 * The generated client imports its query compiler's WebAssembly as a module exporting one base64 string (4.6 MB): an
 * imported module stays loaded, so the string and the module's source stay in the heap after compilation. Read as a
 * file instead, the text is garbage once compiled (bench:memory: about 20 MB less for server and worker together).
 */
export function readCompilerAsFile(source) {
  const match = IMPORTED.exec(source);
  if (!match) throw new Error("the query compiler's WebAssembly import was not found (Prisma changed?): scripts/lib/generated-client.mjs must follow");
  const [, file, indent] = match;
  const read = [
    '// Read as text, not imported (scripts/lib/generated-client.mjs): the string is garbage once compiled.',
    "const { readFile } = await import('node:fs/promises')",
    "const { createRequire } = await import('node:module')",
    `const text = await readFile(createRequire(import.meta.url).resolve('@prisma/client/runtime/${file}'), 'utf8')`,
    "return await decodeBase64AsWasm(text.slice(text.indexOf('\"') + 1, text.lastIndexOf('\"')))",
  ].join(`\n${indent}`);
  return source.replace(IMPORTED, read);
}

/** Prisma's size-optimised query compiler (the "small" build): the generated client names its build in three places. */
export function useSmallCompiler(source) {
  if (!source.includes('query_compiler_fast_bg')) throw new Error('query_compiler_fast_bg not found in the generated client');
  return source.replaceAll('query_compiler_fast_bg', 'query_compiler_small_bg');
}
