/**
 * One object per process, even when the module is loaded twice (the custom server's module graph and
 * Next.js's bundle): kept under a registered symbol on globalThis. Every such object is listed in
 * docs/architecture.md.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`ecole-en-panne.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  const existing = holder[key];
  if (existing !== undefined) return existing;
  const created = create();
  holder[key] = created;
  return created;
}
