import type { PlatformKind, PlatformScope } from './types';

export const PLATFORM_LEVELS = ['ecole', 'college', 'lycee'] as const;

/** A platform's catalogue fields as an admin edits them (lib/catalog/schema.ts validates them). */
export type PlatformFields = {
  name: string;
  kind: PlatformKind;
  scope: PlatformScope;
  operator: string | null;
  statusPageUrl: string | null;
  aliases: string[];
  domains: string[];
  levels: Array<(typeof PLATFORM_LEVELS)[number]>;
  academies: string[];
  notes: string | null;
};
