import { cachedJson, preflight, v1Route } from '@/lib/api-v1/http';
import { buildOpenApiDocument } from '@/lib/api-v1/openapi';

export const GET = v1Route(async (req: Request) => cachedJson(req, buildOpenApiDocument(), 3600));
export const OPTIONS = preflight;
