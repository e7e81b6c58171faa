// `prisma generate` needs no database and no engine, but the CLI insists the schema-engine path exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const placeholder = fileURLToPath(new URL('../package.json', import.meta.url));
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';
const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env });
if (result.status !== 0) process.exit(result.status ?? 1);

/**
 * The generated client imports its query compiler's WebAssembly as a module exporting one base64 string (4.6 MB): an
 * imported module stays loaded, so that string and the module's source (another 4.6 MB) stayed in every process's heap
 * after compilation. Read as a file instead, the text is garbage once compiled (bench:memory, about 9 MB per process).
 */
const CLASS_FILE = fileURLToPath(new URL('../lib/generated/prisma/internal/class.ts', import.meta.url));
const imported = /const \{ wasm \} = await import\("@prisma\/client\/runtime\/(query_compiler_\w+\.postgresql\.wasm-base64\.mjs)"\)\n(\s*)return await decodeBase64AsWasm\(wasm\)/;
const source = readFileSync(CLASS_FILE, 'utf8');
const match = imported.exec(source);
if (!match) {
  console.error(`${CLASS_FILE}: the query compiler's WebAssembly import was not found (Prisma changed?); scripts/prisma-generate.mjs must follow`);
  process.exit(1);
}
const [, file, indent] = match;
const read = [
  "// Read as text, not imported (scripts/prisma-generate.mjs): the string is garbage once compiled.",
  "const { readFile } = await import('node:fs/promises')",
  "const { createRequire } = await import('node:module')",
  `const file = ['@prisma/client/runtime', '${file}'].join('/')`,
  "const text = await readFile(createRequire(import.meta.url).resolve(file), 'utf8')",
  "return await decodeBase64AsWasm(text.slice(text.indexOf('\"') + 1, text.lastIndexOf('\"')))",
].join(`\n${indent}`);
writeFileSync(CLASS_FILE, source.replace(imported, read));
