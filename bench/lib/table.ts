import { mkdirSync, writeFileSync } from 'node:fs';

export type Row = Record<string, string | number>;

export function formatTable(rows: Row[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0] ?? {});
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Prints the table and writes bench/results/<name>.json and .md. */
export function writeResults(name: string, title: string, rows: Row[], extra: Record<string, unknown> = {}): void {
  const table = formatTable(rows);
  console.log(`\n${title}\n\n${table}\n`);
  mkdirSync('bench/results', { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify({ at, title, rows, ...extra }, null, 2)}\n`);
  writeFileSync(`bench/results/${name}.md`, `# ${title}\n\n${at}\n\n${table}\n`);
}
