/**
 * A small strict JSON parser used where `JSON.parse` is not enough:
 * - numbers are kept as their source text (an 18-digit ID number written as a JSON number loses
 *   its last digits through a double: 110105194912310021 → 110105194912310020);
 * - a syntax error reports its position, so the reader can name the line.
 * The reader calls `JSON.parse` first and this parser only for records with long numbers or
 * after `JSON.parse` failed.
 */

export class JsonSyntaxError extends Error {
  readonly pos: number;
  readonly reason: string;
  constructor(reason: string, pos: number) {
    super(`${reason} at position ${pos}`);
    this.name = 'JsonSyntaxError';
    this.reason = reason;
    this.pos = pos;
  }
}

/** JSON value with numbers as strings (their source text). */
export type ExactJson = string | boolean | null | ExactJson[] | { [key: string]: ExactJson };

const MAX_DEPTH = 1000;

/** A number token of 16 or more digits outside a string is likely: `:`, `[` or `,` before it. */
export const LONG_NUMBER = /[:[,]\s*-?\d{16}/;

export function parseJsonExact(text: string, start = 0, end = text.length): ExactJson {
  const p = new Parser(text, start, end);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.i < end) p.fail('unexpected content after the JSON value');
  return v;
}

class Parser {
  i: number;
  constructor(
    private readonly s: string,
    start: number,
    private readonly end: number,
  ) {
    this.i = start;
  }

  fail(reason: string, at = this.i): never {
    throw new JsonSyntaxError(reason, at);
  }

  ws(): void {
    const s = this.s;
    while (this.i < this.end) {
      const c = s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  value(depth: number): ExactJson {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    if (this.i >= this.end) this.fail('unexpected end of JSON');
    const c = this.s.charCodeAt(this.i);
    if (c === 0x7b) return this.object(depth);
    if (c === 0x5b) return this.array(depth);
    if (c === 0x22) return this.string();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    if (this.s.startsWith('true', this.i)) return (this.i += 4), true;
    if (this.s.startsWith('false', this.i)) return (this.i += 5), false;
    if (this.s.startsWith('null', this.i)) return (this.i += 4), null;
    return this.fail(`unexpected character ${JSON.stringify(this.s[this.i])}`);
  }

  object(depth: number): ExactJson {
    const out: { [key: string]: ExactJson } = {};
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 0x7d) return this.i++, out;
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) !== 0x22) this.fail(this.i >= this.end ? 'unexpected end of JSON' : 'expected a property name in double quotes');
      const key = this.string();
      this.ws();
      if (this.s.charCodeAt(this.i) !== 0x3a) this.fail("expected ':' after a property name");
      this.i++;
      this.ws();
      const v = this.value(depth + 1);
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x7d) return this.i++, out;
      this.fail(this.i >= this.end ? 'unexpected end of JSON' : "expected ',' or '}' after a property value");
    }
  }

  array(depth: number): ExactJson {
    const out: ExactJson[] = [];
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 0x5d) return this.i++, out;
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x5d) return this.i++, out;
      this.fail(this.i >= this.end ? 'unexpected end of JSON' : "expected ',' or ']' after an array element");
    }
  }

  string(): string {
    const s = this.s;
    const start = ++this.i;
    let out = '';
    let from = start;
    for (;;) {
      if (this.i >= this.end) this.fail('unterminated string', start - 1);
      const c = s.charCodeAt(this.i);
      if (c === 0x22) {
        out += s.slice(from, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) this.fail('control character in a string (a raw line break?)');
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += s.slice(from, this.i);
      const e = s[this.i + 1];
      this.i += 2;
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = s.slice(this.i, this.i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape', this.i - 2);
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 4;
          break;
        }
        default:
          this.fail('invalid escape in a string', this.i - 2);
      }
      from = this.i;
    }
  }

  number(): string {
    const s = this.s;
    const start = this.i;
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = start;
    const r = m.exec(s);
    if (!r || r[0].length === 0 || start + r[0].length > this.end) this.fail('invalid number');
    this.i = start + r[0].length;
    return r[0];
  }
}
