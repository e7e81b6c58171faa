import { toErrorPayload } from './error-payload';

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler: AppErrors become the standard JSON error; nothing else leaks. */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      const payload = toErrorPayload(error);
      return new Response(payload.body, { status: payload.status, headers: payload.headers });
    }
  };
}
