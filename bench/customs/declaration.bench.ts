/**
 * A declaration end to end against the scan alone, on the same file in the same run: is the
 * declaration flow limited by the scan speed (issue 4), or by what it adds (person hashes, ledger
 * preview, approval into the ledger)?
 *
 *   npx tsx bench/customs/declaration.bench.ts --mb 256 [--workers 1] [--corpus .tmp/bench/corpus-256m.csv]
 *
 * Starts `landao serve` on SQLite in a temp dir, signs in as the demo exporter and officer, creates a
 * declaration, streams the file up (multipart), submits, waits for the proposal, approves; then runs
 * `landao scan` on the same file with the same workers. Prints a Markdown table, and how responsive the
 * server stayed meanwhile: a probe polls `GET /api/health` (the event loop) and another the declaration
 * (an authenticated request with database reads) every 250 ms, one request at a time, and their
 * latencies are reported per step and per job phase (a stalled event loop or a database connection
 * held for long shows up as one long request).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

/** One probe: the same request again and again, one at a time, 250 ms apart; latencies by start time. */
function probe(fetchOnce: () => Promise<Response>) {
  const samples: { at: number; ms: number }[] = [];
  let running = true;
  let inFlight: number | null = null;
  const done = (async () => {
    while (running) {
      const at = Date.now();
      inFlight = at;
      try {
        const res = await fetchOnce();
        await res.arrayBuffer();
      } catch {
        // a failed request counts with its time to fail
      }
      inFlight = null;
      samples.push({ at, ms: Date.now() - at });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    samples,
    /** Stops polling; a request still waiting counts with the time it has waited so far. */
    stop: async () => {
      running = false;
      if (inFlight !== null) samples.push({ at: inFlight, ms: Date.now() - inFlight });
      await Promise.race([done, new Promise((r) => setTimeout(r, 1000))]);
    },
  };
}

function latency(samples: { at: number; ms: number }[], from: number, to: number): string {
  const ms = samples.filter((s) => s.at >= from && s.at < to).map((s) => s.ms).sort((a, b) => a - b);
  if (ms.length === 0) return '– | –';
  const p99 = ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)]!;
  return `${p99} ms | ${ms[ms.length - 1]} ms`;
}

let stopProbes = async (): Promise<void> => {};
/** The slowest probe requests so far, for a run that fails. */
let slowest = (): string => '';
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

  const health = probe(() => fetch(`${server.url}/api/health`));
  let declUrl: string | null = null;
  const declProbe = probe(() => (declUrl ? fetch(declUrl, { headers: qiye }) : fetch(`${server.url}/api/health`)));
  slowest = () =>
    ([['GET /api/health', health], ['GET declaration', declProbe]] as const).map(([what, p]) => {
      const worst = [...p.samples].sort((a, b) => b.ms - a.ms)[0];
      return worst ? `${what}: slowest ${worst.ms} ms, started ${new Date(worst.at).toISOString()}` : `${what}: no sample`;
    }).join('; ');
  stopProbes = async () => {
    await health.stop();
    await declProbe.stop();
  };
  const t0 = performance.now();
  const w0 = Date.now();
  const d = await json<{ id: number }>(qiye, 'POST', '/customs/declarations', {
    title: 'benchmark transfer',
    recipient: { name: 'Bench Recipient Ltd', country: 'SG' },
    purpose: 'benchmark',
    industry: 'consumer',
    dataDescription: 'generated corpus',
    securityMeasures: 'encryption',
    inFreeTradeZone: false,
  });
  declUrl = `${server.url}/api/customs/declarations/${d.id}`;
  const form = new FormData();
  form.append('file', await fs.openAsBlob(corpus), path.basename(corpus));
  const up = await fetch(`${server.url}/api/customs/declarations/${d.id}/file`, { method: 'POST', headers: qiye, body: form });
  if (!up.ok) throw new Error(`upload: ${up.status} ${await up.text()}`);
  const tUpload = performance.now();
  const wUpload = Date.now();
  const submitted = await json<{ scanJobId: number }>(qiye, 'POST', `/customs/declarations/${d.id}/actions/submit`, {});
  let state = 'scanning';
  while (state === 'scanning') {
    await new Promise((r) => setTimeout(r, 250));
    state = (await json<{ state: string }>(qiye, 'GET', `/customs/declarations/${d.id}`)).state;
  }
  const tProposed = performance.now();
  const wProposed = Date.now();
  if (state !== 'pending_review') throw new Error(`declaration ended in ${state}`);
  const job = await json<{ startedAt: string; result: { phasesMs: Record<string, number> } }>(qiye, 'GET', `/jobs/${submitted.scanJobId}`);
  const decl = await json<{ decision: { outcome: string }; analysis: { transfer: { personalSubjects: number; sensitiveSubjects: number } } }>(qiye, 'GET', `/customs/declarations/${d.id}`);
  const approved = await json<{ state: string }>(bureau, 'POST', `/customs/declarations/${d.id}/actions/approve`, { routeEvidence: 'BENCH-0001' });
  const tApproved = performance.now();
  const wApproved = Date.now();
  await stopProbes();
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

  // Job phases on the wall clock: from the job's start, in the order the job ran them.
  const spans: [string, number, number][] = [
    ['upload', w0, wUpload],
    ['submit → proposal (whole scan job)', wUpload, wProposed],
  ];
  let at = Date.parse(job.startedAt);
  for (const [k, v] of Object.entries(job.result.phasesMs)) {
    spans.push([`  job phase: ${k}`, at, at + v]);
    at += v;
  }
  spans.push(['approval', wProposed, wApproved], ['whole run', w0, wApproved]);
  const n = (from: number, to: number) => health.samples.filter((s) => s.at >= from && s.at < to).length;
  console.log('\nserver responsiveness during the job (probes every 250 ms, one request at a time; p99 | max latency)\n');
  console.log('| step | health probes | `GET /api/health` p99 | max | `GET` declaration p99 | max |\n|---|---|---|---|---|---|');
  for (const [what, from, to] of spans) console.log(`| ${what} | ${n(from, to)} | ${latency(health.samples, from, to)} | ${latency(declProbe.samples, from, to)} |`);
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} catch (e) {
  await stopProbes();
  console.error(`server responsiveness: ${slowest()}`);
  const { stderr, exitCode } = server.diagnostics();
  console.error(`server exit code: ${exitCode ?? 'still running'}; its stderr (last part):\n${stderr || '(empty)'}`);
  throw e;
} finally {
  await server.stop();
}
