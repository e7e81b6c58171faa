import type { IncomingHttpHeaders } from 'node:http';

/** Node's parsed request headers as web Headers (repeated lines joined, as fetch does). */
export function toWebHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(', '));
  }
  return headers;
}
