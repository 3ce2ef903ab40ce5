/**
 * Structural check of a labelled free-text set (one JSON object per line:
 * `{"text": "...", "spans": [{"type", "start", "end", "value"}]}`).
 *
 *   npx tsx bench/eval/check-jsonl.ts bench/eval/freetext-blind-s9.jsonl [more.jsonl ...]
 *
 * Checks that every line parses, that start/end are UTF-16 offsets with
 * `text.slice(start, end) === value`, that spans do not overlap, and that every type is one
 * of the ids of the detector-type contract. Of `src/` it imports only that list of ids (the
 * validators' type file, no recogniser), so it can be run on a set without looking at the
 * recognisers. Exits 1 on any error.
 */
import { readFileSync } from 'node:fs';
import { DETECTOR_TYPE_IDS } from '../../src/contexts/detection/validators/types.ts';

/** The 25 ids of the detector-type contract (shared/contracts/detector-types.md), as the validators declare them. */
const CONTRACT_TYPES: ReadonlySet<string> = new Set(DETECTOR_TYPE_IDS);

interface Span {
  type: string;
  start: number;
  end: number;
  value: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkFile(path: string): number {
  const lines = readFileSync(path, 'utf8').split('\n');
  const errors: string[] = [];
  const warnings: string[] = [];
  const perType = new Map<string, number>();
  let texts = 0;
  let spans = 0;
  let empty = 0;

  lines.forEach((line, idx) => {
    const no = idx + 1;
    if (line.trim() === '') {
      if (idx !== lines.length - 1) warnings.push(`line ${no}: blank line`);
      return;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      errors.push(`line ${no}: JSON does not parse (${(e as Error).message})`);
      return;
    }
    if (!isRecord(obj) || typeof obj.text !== 'string' || !Array.isArray(obj.spans)) {
      errors.push(`line ${no}: expected {"text": string, "spans": array}`);
      return;
    }
    const extra = Object.keys(obj).filter((k) => k !== 'text' && k !== 'spans');
    if (extra.length > 0) warnings.push(`line ${no}: extra keys ${extra.join(', ')}`);
    const text = obj.text;
    texts++;
    if (obj.spans.length === 0) empty++;
    const good: Span[] = [];
    obj.spans.forEach((s: unknown, j: number) => {
      const where = `line ${no} span ${j}`;
      if (!isRecord(s)) {
        errors.push(`${where}: not an object`);
        return;
      }
      const { type, start, end, value } = s;
      if (typeof type !== 'string' || !CONTRACT_TYPES.has(type)) {
        errors.push(`${where}: type ${JSON.stringify(type)} is not a contract id`);
        return;
      }
      if (!Number.isInteger(start) || !Number.isInteger(end)) {
        errors.push(`${where}: start/end must be integers`);
        return;
      }
      const st = start as number;
      const en = end as number;
      if (st < 0 || en <= st || en > text.length) {
        errors.push(`${where}: bad range [${st}, ${en}) for a text of ${text.length} code units`);
        return;
      }
      if (typeof value !== 'string') {
        errors.push(`${where}: value must be a string`);
        return;
      }
      const actual = text.slice(st, en);
      if (actual !== value) {
        errors.push(`${where} (${type}): text.slice(${st},${en}) is ${JSON.stringify(actual)}, value is ${JSON.stringify(value)}`);
        return;
      }
      if (value !== value.trim()) warnings.push(`${where} (${type}): value has leading/trailing whitespace`);
      const extraKeys = Object.keys(s).filter((k) => !['type', 'start', 'end', 'value'].includes(k));
      if (extraKeys.length > 0) warnings.push(`${where}: extra keys ${extraKeys.join(', ')}`);
      good.push({ type, start: st, end: en, value });
    });
    const sorted = [...good].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1];
      const cur = sorted[k];
      if (prev !== undefined && cur !== undefined && cur.start < prev.end) {
        const kind = cur.start === prev.start && cur.end === prev.end ? 'duplicate' : 'overlapping';
        errors.push(
          `line ${no}: ${kind} spans ${prev.type} ${JSON.stringify(prev.value)} [${prev.start},${prev.end}) and ${cur.type} ${JSON.stringify(cur.value)} [${cur.start},${cur.end})`,
        );
      }
    }
    for (const s of good) {
      perType.set(s.type, (perType.get(s.type) ?? 0) + 1);
      spans++;
    }
  });

  console.log(`${path}: ${texts} texts, ${spans} spans, ${empty} texts without spans`);
  for (const t of CONTRACT_TYPES) console.log(`  ${t.padEnd(26)} ${perType.get(t) ?? 0}`);
  const missing = [...CONTRACT_TYPES].filter((t) => !perType.has(t));
  if (missing.length > 0) warnings.push(`types never labelled: ${missing.join(', ')}`);
  for (const w of warnings) console.log(`  warning: ${w}`);
  for (const e of errors) console.log(`  ERROR: ${e}`);
  console.log(errors.length === 0 ? '  OK' : `  ${errors.length} error(s)`);
  return errors.length;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npx tsx bench/eval/check-jsonl.ts FILE.jsonl [FILE.jsonl ...]');
  process.exit(2);
}
let total = 0;
for (const f of files) total += checkFile(f);
process.exit(total === 0 ? 0 : 1);
