export type CsvOptions = { separator: ',' | ';'; bom: boolean };

export type Cell = string | number | null;

const NEEDS_QUOTES = /[",;\r\n#]/;

/** One CSV field (RFC 4180): quoted when it holds a separator, a quote, a newline or a leading '#'. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly Cell[], separator: CsvOptions['separator']): string {
  return `${values.map(csvField).join(separator)}\r\n`;
}

/** Lines starting with '#' before the header: licence and citation (pandas: comment='#'; Excel shows them as rows). */
export function csvPreamble(lines: readonly string[]): string {
  return lines.map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
}

/** Parses what csvLine wrote (used by the round-trip tests and by anyone re-reading an export). */
export function parseCsv(text: string, separator: CsvOptions['separator']): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const atLineStart = () => row.length === 0 && field === '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '#' && atLineStart()) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
