import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import boundaries from 'eslint-plugin-boundaries';

// The layers of STYLE.md §15, read from here rather than from memory: imports point down this list only.
//   app, components, proxy      transport and views
//   scripts, bench              entry points
//   lib/<feature>               ingest, detect, live, …
//   lib/http                    request/response helpers (a leaf above domain)
//   lib/db                      SQL and Prisma
//   lib/env, lib/config         the parsed environment and its schema (read by lib/db for its URL and pool)
//   lib/domain                  types, ids, errors, constants
//   lib/log                     the logger (pino): a leaf every layer may import
//   lib/net                     loopback port helpers (node:net only): a leaf for lib/db's embedded owner and above
const LAYERS = [
  { type: 'app', pattern: ['app/**', 'components/**', 'proxy.ts', 'messages/**'], partialMatch: false },
  { type: 'entry', pattern: ['scripts/**', 'bench/**'], partialMatch: false },
  { type: 'generated', pattern: ['lib/generated/**'], partialMatch: false },
  { type: 'http', pattern: ['lib/http/**'], partialMatch: false },
  { type: 'db', pattern: ['lib/db/**'], partialMatch: false },
  { type: 'domain', pattern: ['lib/domain/**'], partialMatch: false },
  { type: 'log', pattern: ['lib/log/**'], partialMatch: false },
  { type: 'net', pattern: ['lib/net/**'], partialMatch: false },
  { type: 'env', pattern: ['lib/env/**', 'lib/config/**'], partialMatch: false },
  { type: 'feature', pattern: ['lib/*/**', 'lib/*.ts'], partialMatch: false },
];

const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS,
      'boundaries/include': ['app/**', 'components/**', 'lib/**', 'scripts/**', 'bench/**', 'messages/**', 'proxy.ts'],
      'import/resolver': { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            allow('app', ['app', 'feature', 'http', 'db', 'env', 'domain', 'log', 'net']),
            allow('entry', ['entry', 'feature', 'http', 'db', 'env', 'domain', 'log', 'net']),
            allow('feature', ['feature', 'http', 'db', 'env', 'domain', 'app', 'log', 'net']),
            allow('http', ['http', 'domain', 'log']),
            allow('db', ['db', 'env', 'domain', 'generated', 'log', 'net']),
            allow('env', ['env', 'domain', 'log']),
            allow('domain', ['domain']),
            allow('log', ['log']),
            allow('net', ['net']),
            allow('generated', ['generated']),
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // React Compiler advisories on existing components: reported, not blocking (each is a refactor of its own).
    rules: {
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/refs': 'warn',
      'react-hooks/purity': 'warn',
    },
  },
  {
    // Test helpers named useXSuite register vitest hooks; they are not React hooks.
    files: ['tests/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // STYLE.md §6: configuration is read once, in lib/env and its schema.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/env/**', 'lib/public-env.ts', 'lib/config/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Lire la configuration via lib/env.' }],
    },
  },
  globalIgnores([
    '.next/**', '.next-*/**', 'out/**', 'build/**', 'dist/**', 'next-env.d.ts', 'lib/generated/**',
    'node_modules/**', '.data*/**', 'coverage/**', 'bench/results/**', 'public/sw.js', 'tests/e2e/screenshots/**',
  ]),
]);
