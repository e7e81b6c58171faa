import { answerHealth } from '@/lib/health/answer';

export const dynamic = 'force-dynamic';

/** Also answered by our server without the framework (lib/server/fast-paths.ts), with the same function. */
export async function GET(req: Request): Promise<Response> {
  const answer = await answerHealth(req.headers);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
