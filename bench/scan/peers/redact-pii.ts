/**
 * Peer benchmark: `redact-pii` with its default `SyncRedactor` (built-in regex redactors + the
 * well-known-names redactor; no Google DLP) over the benchmark CSV, one `redact()` call per line.
 *
 *   npx tsx bench/scan/peers/redact-pii.ts <file.csv> [--max-mb 100] [--max-seconds 900] [--encoding gb18030]
 *
 * The library returns redacted text, not findings, so detections are counted as the placeholder
 * tokens (CREDIT_CARD_NUMBER, PHONE_NUMBER, DIGITS, …) in its output; the corpus contains none of
 * these words itself. That count is a few percent of the run time and included in it.
 *
 * By default only the first 100 MiB are processed and the whole-file time is extrapolated
 * (`partial: true`); `--max-mb 0 --max-seconds 0` runs the whole file.
 */
import { readFileSync } from 'node:fs';
import { SyncRedactor } from 'redact-pii';
import { fileSize, finish, forEachLine, parsePeerArgs, topTypes } from './common.ts';

const PKG = 'redact-pii';
const version = (JSON.parse(readFileSync(new URL(`../../../node_modules/${PKG}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

/** The default replacement tokens: snake-cased upper-case names of the built-ins, and PERSON_NAME. */
const TOKENS = [
  'CREDIT_CARD_NUMBER',
  'STREET_ADDRESS',
  'ZIPCODE',
  'PHONE_NUMBER',
  'IP_ADDRESS',
  'US_SOCIAL_SECURITY_NUMBER',
  'EMAIL_ADDRESS',
  'USERNAME',
  'PASSWORD',
  'CREDENTIALS',
  'DIGITS',
  'URL',
  'PERSON_NAME',
];
const TOKEN_RE = new RegExp(TOKENS.join('|'), 'g');

const opts = parsePeerArgs({ maxMb: 100, maxSeconds: 900 });
const t0 = performance.now();
const redactor = new SyncRedactor();
const setupSeconds = (performance.now() - t0) / 1000;

let detections = 0;
const byType: Record<string, number> = {};
const run = await forEachLine(
  opts,
  (line) => {
    const out = redactor.redact(line);
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(out); m !== null; m = TOKEN_RE.exec(out)) {
      detections++;
      byType[m[0]] = (byType[m[0]] ?? 0) + 1;
    }
  },
  (bytes, s) => console.error(`  ${PKG}: ${(bytes / 1048576).toFixed(0)} MiB in ${s.toFixed(0)} s`),
);

finish({
  tool: PKG,
  version,
  file: opts.file,
  fileBytes: fileSize(opts.file),
  ...run,
  setupSeconds,
  detections,
  byType: topTypes(byType),
  note: 'default SyncRedactor (no Google DLP); detections = placeholder tokens in the output',
});
