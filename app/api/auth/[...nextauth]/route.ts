import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(req, ctx, await getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
