import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
// @ts-expect-error plain .mjs build helper without type declarations
import { readCompilerAsFile, useSmallCompiler } from '../../../scripts/lib/generated-client.mjs';

// scripts/build-server.mjs bundles dist/ with these transforms of the generated client (lib/generated keeps the
// generator's import: Next's own bundle cannot resolve the file read).
const generated = readFileSync('lib/generated/prisma/internal/class.ts', 'utf8');
const readAsFile = (readCompilerAsFile as (source: string) => string)(generated);

describe('the generated Prisma client as bundled into dist/', () => {
  test('reads its query compiler’s base64 as a file instead of importing it as a module', () => {
    expect(generated).toMatch(/import\("@prisma\/client\/runtime\/query_compiler_\w+\.postgresql\.wasm-base64\.mjs"\)/);
    expect(readAsFile).not.toMatch(/import\("@prisma\/client\/runtime\/query_compiler_\w+\.postgresql\.wasm-base64/);
    expect(readAsFile).toContain('createRequire(import.meta.url).resolve(');
  });

  test('the text it reads holds valid WebAssembly between its first and last double quote, for both builds', () => {
    for (const source of [readAsFile, (useSmallCompiler as (s: string) => string)(readAsFile)]) {
      const file = /resolve\('@prisma\/client\/runtime\/(query_compiler_\w+\.postgresql\.wasm-base64\.mjs)'\)/.exec(source)?.[1];
      expect(file).toBeDefined();
      const text = readFileSync(createRequire(import.meta.url).resolve(`@prisma/client/runtime/${file}`), 'utf8');
      const bytes = Buffer.from(text.slice(text.indexOf('"') + 1, text.lastIndexOf('"')), 'base64');
      expect(WebAssembly.validate(bytes)).toBe(true);
    }
  });

  test('a client whose import changed (a Prisma upgrade) stops the build', () => {
    expect(() => (readCompilerAsFile as (s: string) => string)('export {}')).toThrow(/Prisma changed/);
    expect(() => (useSmallCompiler as (s: string) => string)('export {}')).toThrow(/query_compiler_fast_bg/);
  });
});
