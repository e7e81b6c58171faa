import { AppError, isAppError } from './errors';
import { errorResponse } from './respond';
import { isDatabaseUnavailable } from './db-errors';

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

/** Wraps a route handler: AppErrors become the standard JSON error; nothing else leaks. */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      if (isAppError(error)) return errorResponse(error);
      if (isDatabaseUnavailable(error)) {
        return errorResponse(
          new AppError('unavailable', 'Service momentanément indisponible, réessayez dans quelques secondes.', {
            retryAfterSeconds: 5,
          }),
        );
      }
      console.error('[route] unexpected error', error);
      return errorResponse(new AppError('internal', 'Erreur interne du serveur.'));
    }
  };
}
