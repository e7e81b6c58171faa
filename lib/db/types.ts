/** Types of the generated client for modules outside lib/db (only lib/db imports the generated client itself). */
export type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
