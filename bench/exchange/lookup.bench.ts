/**
 * The exchange data API over HTTP on loopback: the real server (`landao serve` via
 * test/helpers/server-process.ts, SQLite, demo data), pinned to one core with taskset; 行政审批局
 * requests the 民政 marriage records, 社会事业局 approves, the credential drives
 * POST /api/exchange/lookup from this process (on the other core):
 *   (a) maximum lookups/s: autocannon, --connections connections, closed loop, --duration s, and the
 *       server's CPU time per lookup (from /proc: what one core can do whatever else runs beside it);
 *   (b) a fixed --rate req/s for --rate-duration s, evenly paced and open loop (./paced-load.ts:
 *       latency from each request's due time, so queueing counts): p50 / p99 / max;
 * first with evidence on (group-committed, hash-chained records, batches sealed by the job every
 * 10 s), then on a second server with LANDAO_EXCHANGE_EVIDENCE=off, for the overhead ratio.
 * Every response must be a 200; with evidence on, the metered count must cover the 200s and
 * `landao exchange audit` must pass afterwards.
 *
 * --autocannon-rate also runs (b) with autocannon's `overallRate`, as earlier figures were taken: it
 * releases each second's requests in a burst at the start of the second (see paced-load.ts), which
 * the answers-per-100-ms-slot line shows. --profile dir writes the servers' CPU profiles there
 * (./cpu-profile.mjs); --node-options passes more options to the servers (e.g. --max-semi-space-size=32).
 *
 *   npx tsx bench/exchange/lookup.bench.ts [--cpu 0] [--duration 10] [--connections 20] [--rate 1000] [--rate-duration 15]
 *     [--only on|off] [--autocannon-rate] [--profile dir] [--node-options '<options for the servers>']
 */
import { execFileSync } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer, type RunningServer } from '../../test/helpers/server-process.ts';
import { pacedLoad, type PacedResult } from './paced-load.ts';
import { demoIdNumber } from '../../src/contexts/catalog/index.ts';
import { SEAL_INTERVAL_MS } from '../../src/contexts/exchange/index.ts';
import { toChinaDate } from '../../src/kernel/calendar/calendar.ts';

const { values } = parseArgs({
  options: {
    cpu: { type: 'string', default: '0' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    rate: { type: 'string', default: '1000' },
    'rate-duration': { type: 'string', default: '15' },
    only: { type: 'string' },
    'autocannon-rate': { type: 'boolean', default: false },
    profile: { type: 'string' },
    'node-options': { type: 'string' },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const RATE = Number(values.rate);
const RATE_DURATION = Number(values['rate-duration']);
const PURPOSE = '不动产登记婚姻状况核验';

/** Runs autocannon; with `slots`, counts its answers per 100 ms slot of each second. */
function run(opts: autocannon.Options, slots?: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))) as EventEmitter;
    if (slots) instance.on('response', () => slots[Math.floor(((performance.now() - start) % 1000) / 100)]!++);
  });
}

async function json(res: Response): Promise<Record<string, unknown>> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

async function login(url: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2026' }) });
  const { csrfToken } = (await json(res)) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}


function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function grant(url: string): Promise<{ credential: string; datasetId: number }> {
  const shenpi = await login(url, 'shenpi');
  const minzheng = await login(url, 'minzheng');
  const datasets = (await json(await fetch(`${url}/api/catalog/datasets?pageSize=200`, { headers: shenpi }))) as { items: { id: number; identifier: string }[] };
  const datasetId = datasets.items.find((d) => d.identifier === 'shsy-marriage-records')!.id;
  const today = toChinaDate(new Date());
  const until = toChinaDate(new Date(Date.now() + 30 * 86400_000));
  const req = await json(
    await fetch(`${url}/api/exchange/grants`, { method: 'POST', headers: shenpi, body: JSON.stringify({ datasetId, purpose: PURPOSE, fields: ['id_number', 'person_name', 'marital_status', 'registered_on'], validFrom: today, validUntil: until }) }),
  );
  const id = (req.grant as { id: number }).id;
  await json(await fetch(`${url}/api/exchange/grants/${id}/approve`, { method: 'POST', headers: minzheng, body: '{}' }));
  const cred = await json(await fetch(`${url}/api/exchange/grants/${id}/credential`, { method: 'POST', headers: shenpi, body: '{}' }));
  return { credential: cred.credential as string, datasetId };
}

interface Figures {
  maxRps: number;
  maxP50: number;
  maxP99: number;
  cpuPerLookupUs: number;
  loadAtMax: string;
  /** The evenly paced run at --rate. */
  paced: PacedResult;
  pacedCpuPerLookupUs: number;
  loadAtRate: string;
  /** autocannon overallRate at --rate (with --autocannon-rate). */
  bursty?: { achieved: number; p50: number; p99: number; max: number; slots: number[] } | undefined;
  /** Lookups answered 200 in all runs (warm-up included). */
  answered: number;
  /** GET /api/health at full speed on the same server: the platform's floor on this machine now. */
  healthRps: number;
}

async function measure(server: RunningServer): Promise<Figures> {
  const pid = server.pid;
  execFileSync('taskset', ['-a', '-cp', values.cpu!, String(pid)], { stdio: 'ignore' });
  const { credential, datasetId } = await grant(server.url);
  const opts = {
    url: `${server.url}/api/exchange/lookup`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', 'x-exchange-credential': credential },
    body: JSON.stringify({ datasetId, key: demoIdNumber(1), purpose: PURPOSE }),
  };
  const check = (r: autocannon.Result, what: string) => {
    if (r.non2xx || r.errors || r.timeouts) throw new Error(`${what}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  };
  const warm = await run({ ...opts, connections: CONNECTIONS, duration: 3 });
  check(warm, 'warm-up');
  // Steady state at the fixed rate: the warm-up's evidence is sealed first (the seal job runs every
  // SEAL_INTERVAL_MS), so the paced run carries only its own sealing, not a backlog of the warm-up.
  await sleep(SEAL_INTERVAL_MS + 1000);
  const cpu2 = cpuSeconds(pid);
  const paced = await pacedLoad({ ...opts, rate: RATE, durationS: RATE_DURATION, connections: 50 });
  const cpu3 = cpuSeconds(pid);
  const loadAtRate = load();
  if (paced.errors || paced.completed !== paced.due || Object.keys(paced.statuses).some((s) => s !== '200'))
    throw new Error(`paced: ${paced.completed} of ${paced.due} answered, ${paced.errors} errors, statuses ${JSON.stringify(paced.statuses)}`);
  let bursty: Figures['bursty'];
  let burstyTotal = 0;
  if (values['autocannon-rate']) {
    const slots = new Array<number>(10).fill(0);
    const rate = await run({ ...opts, connections: 50, overallRate: RATE, duration: RATE_DURATION }, slots);
    check(rate, 'rate');
    burstyTotal = rate.requests.total;
    bursty = { achieved: rate.requests.total / rate.duration, p50: rate.latency.p50, p99: rate.latency.p99, max: rate.latency.max, slots };
  }
  const cpu0 = cpuSeconds(pid);
  const max = await run({ ...opts, connections: CONNECTIONS, duration: DURATION });
  const cpu1 = cpuSeconds(pid);
  check(max, 'max');
  const loadAtMax = load();
  const health = await run({ url: `${server.url}/api/health`, connections: CONNECTIONS, duration: Math.max(3, DURATION / 2) });
  check(health, 'health');
  return {
    maxRps: max.requests.total / max.duration,
    maxP50: max.latency.p50,
    maxP99: max.latency.p99,
    cpuPerLookupUs: ((cpu1 - cpu0) / max.requests.total) * 1e6,
    loadAtMax,
    paced,
    pacedCpuPerLookupUs: ((cpu3 - cpu2) / paced.completed) * 1e6,
    loadAtRate,
    bursty,
    answered: warm.requests.total + max.requests.total + paced.completed + burstyTotal,
    healthRps: health.requests.total / health.duration,
  };
}

async function usageAllowed(url: string): Promise<number> {
  const bureau = await login(url, 'bureau');
  const u = (await json(await fetch(`${url}/api/exchange/usage`, { headers: bureau }))) as { items: { allowed: number }[] };
  return u.items.reduce((s, r) => s + r.allowed, 0);
}

function audit(server: RunningServer): string {
  const out = execFileSync(process.execPath, ['bin/landao.js', 'exchange', 'audit'], { env: { ...process.env, LANDAO_DATA_DIR: server.dataDir, NODE_ENV: 'test', LANDAO_LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  return out.trim();
}

const fmt = (n: number, d = 0) => n.toFixed(d);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

// The load generators run on the other CPUs, so the client never takes the server's core.
const clientCpus = os.cpus().map((_, i) => String(i)).filter((c) => c !== values.cpu);
if (clientCpus.length > 0) execFileSync('taskset', ['-a', '-cp', clientCpus.join(','), String(process.pid)], { stdio: 'ignore' });
console.log(`exchange lookup benchmark: server pinned to CPU ${values.cpu}, this process to ${clientCpus.join(',') || 'any'}, ${os.cpus().length} CPUs, load ${load()}`);
const results: Record<string, Figures> = {};
for (const evidence of (['on', 'off'] as const).filter((e) => !values.only || e === values.only)) {
  const profile = values.profile ? { LANDAO_CPU_PROFILE_DIR: path.resolve(values.profile) } : {};
  const nodeOptions = [values['node-options'], values.profile && `--import ${path.join(import.meta.dirname, 'cpu-profile.mjs')}`].filter(Boolean).join(' ');
  const server = await startServer({ env: { LANDAO_EXCHANGE_EVIDENCE: evidence, LANDAO_LOG_LEVEL: 'warn', ...profile, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) } });
  try {
    const f = await measure(server);
    if (evidence === 'on') {
      // Sealing runs every 10 s in the server; the audit reads the same database afterwards.
      const metered = await usageAllowed(server.url);
      // Requests still in flight when a run stops are answered (and metered) but not counted by autocannon.
      if (metered < f.answered) throw new Error(`${f.answered} lookups answered but only ${metered} metered`);
      console.log(`  evidence on: ${f.answered} lookups counted by the clients, ${metered} metered; ${audit(server)}`);
    }
    results[evidence] = f;
    const p = f.paced;
    console.log(
      `evidence ${evidence}: max ${fmt(f.maxRps)} lookups/s (${CONNECTIONS} connections, p50 ${f.maxP50} ms, p99 ${f.maxP99} ms, ${fmt(f.cpuPerLookupUs)} µs server CPU per lookup; load ${f.loadAtMax}); ` +
        `GET /api/health on the same server ${fmt(f.healthRps)}/s`,
    );
    console.log(
      `  paced ${RATE}/s for ${RATE_DURATION} s (achieved ${fmt(p.achieved)}/s, ${fmt(f.pacedCpuPerLookupUs)} µs server CPU per lookup; load ${f.loadAtRate}): ` +
        `p50 ${p.latency.p50} ms, p90 ${p.latency.p90} ms, p99 ${p.latency.p99} ms, p99.9 ${p.latency.p999} ms, max ${p.latency.max} ms ` +
        `(from the write: p99 ${p.service.p99} ms; generator lag p99 ${p.sendLagP99} ms); answers per 100 ms slot ${p.perSlot.join(' ')}`,
    );
    if (f.bursty)
      console.log(
        `  autocannon overallRate ${RATE}/s (achieved ${fmt(f.bursty.achieved)}/s): p50 ${f.bursty.p50} ms, p99 ${f.bursty.p99} ms, max ${f.bursty.max} ms; answers per 100 ms slot ${f.bursty.slots.join(' ')}`,
      );
  } finally {
    await server.stop();
  }
}
const on = results.on;
const off = results.off;
if (on && off)
  console.log(
    `overhead of evidence: throughput ×${fmt(off.maxRps / on.maxRps, 2)} lower, CPU per lookup ×${fmt(on.cpuPerLookupUs / off.cpuPerLookupUs, 2)} (+${fmt(on.cpuPerLookupUs - off.cpuPerLookupUs)} µs), ` +
      `paced p99 at ${RATE}/s ${on.paced.latency.p99} vs ${off.paced.latency.p99} ms; load ${load()}`,
  );
