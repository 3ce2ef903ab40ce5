/**
 * Traditional → Simplified normalisation for dictionary matching.
 *
 * OpenCC (opencc-js) converts phrases as well as characters, and a whole-string conversion does
 * NOT preserve length (verified on Node 20: converting U+3400–U+9FFF in one string gives 27,838
 * code units for 27,648 input units, because some phrase entries and Extension-A characters change
 * length). Offsets must stay valid, so the conversion is done once per character, in isolation
 * (phrase rules cannot fire), and kept only when a BMP character maps to exactly one BMP character.
 * The result is a 64 Ki table: `t2sTable()[c]` is the Simplified code unit for `c` (or `c`).
 * Both the Taiwan (tw→cn) and Hong Kong (hk→cn) variants are merged.
 *
 * Phrase-level differences (身分證 vs 身份证, 帳號 vs 账号) are covered by listing both forms in the
 * dictionaries.
 */
import * as OpenCC from 'opencc-js';

let table: Uint16Array | null = null;

function build(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  // One character per line: OpenCC's phrase dictionaries cannot span the separator.
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  for (const [from, to] of ranges) {
    const chars: string[] = [];
    for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
    const joined = chars.join('\n');
    for (const convert of [hk, tw]) {
      const out = convert(joined).split('\n');
      if (out.length !== chars.length) continue; // defensive: never misalign
      for (let k = 0; k < out.length; k++) {
        const o = out[k] as string;
        const c = from + k;
        if (o.length === 1 && o.charCodeAt(0) !== c && t[c] === c) t[c] = o.charCodeAt(0);
      }
    }
  }
  return t;
}

/** The Traditional→Simplified code-unit table (built on first use, ~0.2 s). */
export function t2sTable(): Uint16Array {
  if (table === null) table = build();
  return table;
}
