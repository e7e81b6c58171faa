export function json(body: unknown, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { ...init, headers });
}

/** An answer built without a transport: our Node server and Next.js route handlers both send it as is. */
export type HttpAnswer = { status: number; headers: Record<string, string>; body: string | Buffer | null };

export function toResponse(answer: HttpAnswer): Response {
  const body = typeof answer.body === 'string' || answer.body === null ? answer.body : new Uint8Array(answer.body);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
