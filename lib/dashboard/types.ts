// The dashboard's types live in lib/domain/dashboard.ts (lib/db reads return them); this path stays for importers.
export type * from '@/lib/domain/dashboard';
