import { XMLBuilder } from 'fast-xml-parser';

export type Open311Format = 'json' | 'xml';

/** `services.json` → ['services', 'json']; null when the extension is not one Open311 speaks. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match?.[1] || !match[2]) return null;
  return { name: match[1], format: match[2] as Open311Format };
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

/**
 * GeoReport v2 XML: a root element holding one element per item (<services><service>…), arrays inside
 * an item as repeated children (<keywords> joined by commas as the spec shows).
 */
export function toOpen311Xml(root: string, item: string | null, data: unknown): string {
  const body = item ? { [root]: { [item]: data } } : { [root]: data };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(body) as string}`;
}

export function open311Response(input: { format: Open311Format; status?: number; root: string; item: string | null; data: unknown; cache?: string }): Response {
  const headers: Record<string, string> = {
    'content-type': input.format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8',
    'cache-control': input.cache ?? 'no-store',
    'access-control-allow-origin': '*',
  };
  const body = input.format === 'json' ? JSON.stringify(input.data) : toOpen311Xml(input.root, input.item, input.data);
  return new Response(body, { status: input.status ?? 200, headers });
}

/** Open311 errors: `[{ code, description }]` (JSON) or `<errors><error>…` (XML), description in French. */
export function open311Error(format: Open311Format, status: number, description: string): Response {
  return open311Response({ format, status, root: 'errors', item: 'error', data: [{ code: status, description }] });
}
