#!/usr/bin/env node
// `npm test`: the whole suite (unit, repository on SQLite and PostgreSQL, HTTP, browser journeys).
// PostgreSQL and Chromium are used when present; without them the run still passes and says what it
// skipped. CI sets LANDAO_REQUIRE_POSTGRES=1 and LANDAO_REQUIRE_BROWSER=1 so nothing is skipped there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const report = path.resolve('.tmp/vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const r = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

let summary = '';
try {
  const j = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  summary = `tests: ${j.numPassedTests} passed, ${j.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : '');
} catch {
  summary = '';
}
if (process.env.LANDAO_REQUIRE_POSTGRES !== '1') console.log('note: PostgreSQL tests run only when PostgreSQL is reachable (see the warning above if it was not).');
if (process.env.LANDAO_REQUIRE_BROWSER !== '1' && !fs.existsSync('/usr/bin/chromium'))
  console.log('note: browser journeys were skipped: /usr/bin/chromium is not installed (apt-get install chromium).');
if (summary) console.log(summary);
process.exit(r.status ?? 1);
