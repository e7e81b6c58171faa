import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

// scripts/prisma-generate.mjs patches the generated client so that its query compiler's base64 is read as a file,
// not kept in the heap by an imported module (bench:memory).
const generated = readFileSync('lib/generated/prisma/internal/class.ts', 'utf8');

describe('the generated Prisma client (as scripts/prisma-generate.mjs leaves it)', () => {
  test('does not import the query compiler’s base64 as a module', () => {
    expect(generated).not.toMatch(/import\("@prisma\/client\/runtime\/query_compiler_\w+\.postgresql\.wasm-base64/);
    expect(generated).toContain("createRequire(import.meta.url).resolve(file)");
  });

  test('the text it reads holds valid WebAssembly between its first and last double quote', () => {
    const file = /'(query_compiler_\w+\.postgresql\.wasm-base64\.mjs)'/.exec(generated)?.[1];
    expect(file).toBeDefined();
    const text = readFileSync(createRequire(import.meta.url).resolve(`@prisma/client/runtime/${file}`), 'utf8');
    const bytes = Buffer.from(text.slice(text.indexOf('"') + 1, text.lastIndexOf('"')), 'base64');
    expect(WebAssembly.validate(bytes)).toBe(true);
  });
});
