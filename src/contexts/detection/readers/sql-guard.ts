/**
 * Guards for reading a database: `?query=` must be a single read-only SELECT, `?table=` a plain
 * (optionally schema-qualified) identifier. The query also runs inside a READ ONLY transaction,
 * which PostgreSQL and MySQL/MariaDB enforce; these checks give a clear message earlier and block
 * what a read-only transaction still allows (MySQL `SELECT … INTO OUTFILE`, row locks). The real
 * boundary is the database role: connect with one that can only read.
 */

export type SqlDialect = 'postgres' | 'mysql';

export function isDatabaseUrl(input: string): boolean {
  return /^(postgres|postgresql|mysql|mariadb):\/\//i.test(input);
}

/** The URL without its password (for messages and `source`). */
export function redactUrl(input: string): string {
  try {
    const u = new URL(input);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return input.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}


/**
 * The query with comments and literals blanked (same length), or an error message. Handles
 * '…' strings ('' and, for MySQL, backslash escapes), "…" identifiers (MySQL: strings), `…`
 * identifiers (MySQL), $tag$…$tag$ (PostgreSQL), -- and /* comments, # comments (MySQL).
 */
export function maskSql(sql: string, dialect: SqlDialect): string | { error: string } {
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const e = sql.indexOf('\n', i);
      const end = e < 0 ? n : e;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '#' && dialect === 'mysql') {
      const e = sql.indexOf('\n', i);
      const end = e < 0 ? n : e;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '/' && next === '*') {
      const e = sql.indexOf('*/', i + 2);
      if (e < 0) return { error: 'unterminated comment' };
      out += ' '.repeat(e + 2 - i);
      i = e + 2;
    } else if (c === "'" || c === '"' || (c === '`' && dialect === 'mysql')) {
      let j = i + 1;
      for (;;) {
        if (j >= n) return { error: 'unterminated quoted text' };
        const d = sql[j]!;
        if (d === '\\' && dialect === 'mysql' && c !== '`') {
          j += 2;
          continue;
        }
        if (d === c) {
          if (sql[j + 1] === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += c + ' '.repeat(j - i - 1) + c;
      i = j + 1;
    } else if (c === '$' && dialect === 'postgres') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (m && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
        const tag = m[0];
        const e = sql.indexOf(tag, i + tag.length);
        if (e < 0) return { error: 'unterminated dollar-quoted text' };
        out += ' '.repeat(e + tag.length - i);
        i = e + tag.length;
      } else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Null when the query is one SELECT (or WITH … SELECT, or a parenthesised SELECT); else the reason. */
export function checkSelect(sql: string, dialect: SqlDialect): string | null {
  const masked = maskSql(sql, dialect);
  if (typeof masked !== 'string') return masked.error;
  let body = masked.trim();
  while (body.endsWith(';')) body = body.slice(0, -1).trimEnd();
  if (body === '') return 'empty query';
  if (body.includes(';')) return 'only one statement is allowed';
  const first = /^\(*\s*([A-Za-z]+)/.exec(body)?.[1]?.toLowerCase();
  if (first !== 'select' && first !== 'with') return 'only a SELECT query is allowed';
  const lower = body.toLowerCase();
  const forbidden: [RegExp, string][] = [
    [/\binto\b/, 'SELECT … INTO is not allowed'],
    [/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/, 'row locks (FOR UPDATE/SHARE) are not allowed'],
    [/\block\s+in\s+share\s+mode\b/, 'row locks (LOCK IN SHARE MODE) are not allowed'],
    [/\b(insert|update|delete|merge|truncate|drop|alter|create|grant|revoke|copy|call|do|set|load)\b/, 'only reading is allowed'],
  ];
  for (const [re, why] of forbidden) if (re.test(lower)) return why;
  return null;
}

/** Quotes a table name `name` or `schema.name` (each part an identifier; quotes inside are doubled). */
export function quoteTable(name: string, dialect: SqlDialect): string | null {
  const parts = splitQualified(name);
  if (!parts || parts.length === 0 || parts.length > 2 || parts.some((p) => p === '' || p.includes('\0'))) return null;
  const q = dialect === 'mysql' ? '`' : '"';
  return parts.map((p) => q + p.replaceAll(q, q + q) + q).join('.');
}

/** Splits `a.b` or `"a.x".b` into parts (double-quoted or backquoted parts may contain dots). */
function splitQualified(name: string): string[] | null {
  const parts: string[] = [];
  let i = 0;
  while (i <= name.length) {
    const c = name[i];
    if (c === '"' || c === '`') {
      const e = name.indexOf(c, i + 1);
      if (e < 0) return null;
      parts.push(name.slice(i + 1, e));
      i = e + 1;
      if (i < name.length && name[i] !== '.') return null;
      i++;
    } else {
      const e = name.indexOf('.', i);
      const end = e < 0 ? name.length : e;
      parts.push(name.slice(i, end).trim());
      i = end + 1;
    }
  }
  return parts;
}
