/**
 * A declaration end to end against the scan alone, on the same file in the same run: is the
 * declaration flow limited by the scan speed (issue 4), or by what it adds (person hashes, ledger
 * preview, approval into the ledger)?
 *
 *   npx tsx bench/customs/declaration.bench.ts --mb 256 [--workers 1] [--corpus .tmp/bench/corpus-256m.csv]
 *
 * Starts `landao serve` on SQLite in a temp dir, signs in as the demo exporter and officer, creates a
 * declaration, streams the file up (multipart), submits, waits for the proposal, approves; then runs
 * `landao scan` on the same file with the same workers. Prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../../test/helpers/server-process.ts';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '256' }, workers: { type: 'string', default: '1' }, corpus: { type: 'string' } },
});
const mb = Number(values.mb);
const workers = Number(values.workers);
const corpus = path.resolve(values.corpus ?? `.tmp/bench/corpus-${mb}m.csv`);
if (!fs.existsSync(corpus)) {
  console.error(`generating ${corpus}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scan/generate-corpus.ts', '--mb', String(mb), '--out', corpus], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const bytes = fs.statSync(corpus).size;

const server = await startServer({ env: { LANDAO_JOB_WORKERS: String(workers), LANDAO_UPLOAD_LIMIT: String(8 * 1024 ** 3) } });
try {
  const login = async (username: string) => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2026' }) });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, 'x-csrf-token': csrfToken };
  };
  const qiye = await login('qiye');
  const bureau = await login('bureau');
  const json = async <T>(h: Record<string, string>, method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api${url}`, { method, headers: { ...h, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  const t0 = performance.now();
  const d = await json<{ id: number }>(qiye, 'POST', '/customs/declarations', {
    title: 'benchmark transfer',
    recipient: { name: 'Bench Recipient Ltd', country: 'SG' },
    purpose: 'benchmark',
    industry: 'consumer',
    dataDescription: 'generated corpus',
    securityMeasures: 'encryption',
    inFreeTradeZone: false,
  });
  const form = new FormData();
  form.append('file', await fs.openAsBlob(corpus), path.basename(corpus));
  const up = await fetch(`${server.url}/api/customs/declarations/${d.id}/file`, { method: 'POST', headers: qiye, body: form });
  if (!up.ok) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const tUpload = performance.now();
  const submitted = await json<{ scanJobId: number }>(qiye, 'POST', `/customs/declarations/${d.id}/actions/submit`, {});
  let state = 'scanning';
  while (state === 'scanning') {
    await new Promise((r) => setTimeout(r, 250));
    state = (await json<{ state: string }>(qiye, 'GET', `/customs/declarations/${d.id}`)).state;
  }
  const tProposed = performance.now();
  if (state !== 'pending_review') throw new Error(`declaration ended in ${state}`);
  const job = await json<{ result: { phasesMs: Record<string, number> } }>(qiye, 'GET', `/jobs/${submitted.scanJobId}`);
  const decl = await json<{ decision: { outcome: string }; analysis: { transfer: { personalSubjects: number; sensitiveSubjects: number } } }>(qiye, 'GET', `/customs/declarations/${d.id}`);
  const approved = await json<{ state: string }>(bureau, 'POST', `/customs/declarations/${d.id}/actions/approve`, { routeEvidence: 'BENCH-0001' });
  const tApproved = performance.now();
  if (approved.state !== 'approved') throw new Error(`approval ended in ${approved.state}`);

  const s0 = performance.now();
  const scan = spawnSync(process.execPath, ['bin/landao.js', 'scan', corpus, '--json', '--workers', String(workers)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const scanMs = performance.now() - s0;
  if (scan.status !== 0) throw new Error('landao scan failed');

  const mib = bytes / 2 ** 20;
  const row = (what: string, ms: number) => `| ${what} | ${(ms / 1000).toFixed(1)} s | ${(mib / (ms / 1000)).toFixed(1)} MiB/s |`;
  const persons = decl.analysis.transfer.personalSubjects + decl.analysis.transfer.sensitiveSubjects;
  console.log(`\n${mib.toFixed(0)} MiB, ${persons.toLocaleString('en-US')} persons, ${workers} worker(s), route ${decl.decision.outcome}\n`);
  console.log('| step | time | rate |\n|---|---|---|');
  console.log(row('upload (stream to blob store, SM3 + SHA-256)', tUpload - t0));
  console.log(row('submit → proposal (whole scan job)', tProposed - tUpload));
  for (const [k, v] of Object.entries(job.result.phasesMs)) console.log(row(`  job phase: ${k}`, v));
  console.log(row('approval (persons into the ledger, clearance signed)', tApproved - tProposed));
  console.log(row('declaration end to end', tApproved - t0));
  console.log(row('`landao scan` alone, same file', scanMs));
  console.log(`\nend-to-end / scan alone = ${((tApproved - t0) / scanMs).toFixed(2)}×`);
} finally {
  await server.stop();
}
