/**
 * Reading a table set's files back, independent of the scanner's own readers: the scorer
 * (columns-eval.ts) takes sample values with these, and a set's own check (columns-c/check.ts)
 * reads its files back with them.
 */

/** A delimited file's text: UTF-8, with or without a BOM, else GB18030 (Chinese Excel exports). */
export function decode(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
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

/** The delimiter that occurs most in the first line. */
export function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n/) >>> 0);
  let best = ',';
  let bestCount = -1;
  for (const d of [',', '\t', ';', '|']) {
    const n = first.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Values of every scalar path of JSON records, paths written a.b[].c. */
export function jsonColumns(records: unknown[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      for (const el of v) walk(el, `${path}[]`);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
    } else {
      const list = out.get(path) ?? [];
      list.push(scalarText(v));
      out.set(path, list);
    }
  };
  for (const rec of records) walk(rec, '');
  return out;
}

/** The leaf paths of JSON records (a.b, items[].title), in first-seen order: what the table sets label. */
export function jsonPaths(records: unknown[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      for (const el of v) walk(el, `${path}[]`);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
    } else if (!seen.has(path)) {
      seen.add(path);
      order.push(path);
    }
  };
  for (const rec of records) walk(rec, '');
  return order;
}
