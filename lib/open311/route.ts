import { AppError } from '@/lib/http/errors';
import { toErrorPayload } from '@/lib/http/error-payload';
import { siteOrigin } from '@/lib/seo/site';
import { open311Error, splitFormat, type Open311Format } from './format';

export type Open311Context = { format: Open311Format; name: string; origin: string; now: Date };

/**
 * Open311 handlers answer errors in GeoReport v2's own shape (`[{code, description}]` or XML), in the
 * format the path asked for; the status code and French message are those of the standard JSON error.
 */
export function open311Route<C>(file: (ctx: C) => Promise<string>, handler: (req: Request, o: Open311Context) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    let format: Open311Format = 'json';
    try {
      const parsed = splitFormat(await file(ctx));
      if (!parsed) throw new AppError('not_found', 'Ressource Open311 inconnue : l’adresse se termine par .json ou .xml.');
      format = parsed.format;
      return await handler(req, { format, name: parsed.name, origin: siteOrigin() ?? new URL(req.url).origin, now: new Date() });
    } catch (error) {
      const payload = toErrorPayload(error);
      const { error: body } = JSON.parse(payload.body) as { error: { message: string } };
      const res = open311Error(format, payload.status, body.message);
      if (payload.headers['retry-after']) res.headers.set('retry-after', payload.headers['retry-after']);
      return res;
    }
  };
}
