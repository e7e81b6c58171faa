import { XMLParser } from 'fast-xml-parser';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);
const text = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Node)['#text'] ?? '') : String(v ?? ''));

export type AtomEntry = { id: string; title: string; updated: string; links: string[]; summary: string };
export type AtomFeed = { id: string; title: string; updated: string; links: Array<{ rel: string; href: string }>; entries: AtomEntry[] };

/**
 * Parses an Atom 1.0 document and checks the requirements of RFC 4287 that readers rely on: the
 * namespace, one id/title/updated per feed and entry (dates in RFC 3339), an author for the feed or
 * every entry, a link for every entry, unique entry ids. Throws with the first violation.
 */
export function parseAtom(xml: string): AtomFeed {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as Node;
  const feed = doc.feed as Node | undefined;
  if (!feed) throw new Error('no <feed> root');
  if (feed['@xmlns'] !== ATOM_NS) throw new Error(`namespace ${String(feed['@xmlns'])}`);
  const one = (node: Node, name: string, where: string) => {
    const values = list(node[name]);
    if (values.length !== 1) throw new Error(`${where}: ${values.length} <${name}>`);
    return text(values[0]);
  };
  const updated = one(feed, 'updated', 'feed');
  if (!RFC3339.test(updated)) throw new Error(`feed updated ${updated}`);
  const entries = list(feed.entry).map((entry, i) => {
    const where = `entry ${i}`;
    const e = { id: one(entry, 'id', where), title: one(entry, 'title', where), updated: one(entry, 'updated', where) };
    if (!RFC3339.test(e.updated)) throw new Error(`${where} updated ${e.updated}`);
    const links = list(entry.link).map((l) => String(l['@href']));
    if (links.length === 0 && entry.content === undefined) throw new Error(`${where}: no link nor content`);
    if (list(feed.author).length === 0 && list(entry.author).length === 0) throw new Error(`${where}: no author`);
    return { ...e, links, summary: text(entry.summary) };
  });
  const ids = new Set(entries.map((e) => e.id));
  if (ids.size !== entries.length) throw new Error('duplicate entry ids');
  return {
    id: one(feed, 'id', 'feed'),
    title: one(feed, 'title', 'feed'),
    updated,
    links: list(feed.link).map((l) => ({ rel: String(l['@rel'] ?? 'alternate'), href: String(l['@href']) })),
    entries,
  };
}
