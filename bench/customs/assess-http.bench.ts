/**
 * The assess API over HTTP on loopback: starts the real server (`landao serve`, one Node process, on a
 * free port with a temporary data directory and SQLite), signs in, creates an API token with scope
 * customs:assess, then drives POST /api/customs/assess with autocannon:
 *   (a) maximum throughput (decisions/s) with --connections concurrent connections for --duration s;
 *   (b) a fixed rate (--rate req/s) for --rate-duration s, reporting p50 / p99 / max latency;
 *   (c) the batch form, --batch scenarios per request, for --duration s (decisions/s).
 *
 *   npx tsx bench/customs/assess-http.bench.ts [--cpu 0] [--log-level info] [--duration 10] [--rate 500] [--rate-duration 20]
 *
 * --cpu pins the server to one core with taskset (the load generator runs in this process, elsewhere).
 * --log-level is the server's LANDAO_LOG_LEVEL (default info, as deployed). --profile <dir> writes the
 * server's CPU profile (node --cpu-prof) there when it stops. Every response must be a
 * 200; the run fails otherwise. Figures depend on the machine and its load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer, type RunningServer } from '../../test/helpers/server-process.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    cpu: { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    rate: { type: 'string', default: '500' },
    'rate-duration': { type: 'string', default: '20' },
    batch: { type: 'string', default: '100' },
    profile: { type: 'string' },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const RATE = Number(values.rate);
const RATE_DURATION = Number(values['rate-duration']);
const BATCH = Number(values.batch);

const examples = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/contexts/customs/data/assess-examples.json'), 'utf8')) as {
  scenario: unknown;
  expected: string;
}[];
const scenario = examples.find((e) => e.expected === 'standard_contract_or_certification')!.scenario;

/** `landao serve` on a fresh SQLite directory, as run in development, optionally pinned and profiled. */
function startBenchServer(): Promise<RunningServer> {
  return startServer({
    env: { NODE_ENV: 'development', LANDAO_LOG_LEVEL: values['log-level'] },
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [],
    ...(values.cpu ? { cpu: values.cpu } : {}),
  });
}

async function json(res: Response): Promise<Record<string, unknown>> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

async function apiToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }),
  });
  const { csrfToken } = (await json(login)) as { csrfToken: string };
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const session = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const orgs = (await json(await fetch(`${url}/api/identity/orgs`, { headers: session }))) as { items: { id: number; code: string }[] };
  const org = orgs.items.find((o) => o.code === 'ENT-LDSW')!;
  const created = await fetch(`${url}/api/identity/tokens`, {
    method: 'POST',
    headers: session,
    body: JSON.stringify({ orgId: org.id, name: 'assess benchmark', scopes: ['customs:assess'] }),
  });
  return ((await json(created)) as { token: string }).token;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** CPU seconds (user + system) the server process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Server CPU time per request, which the machine's other load does not inflate as it does wall time. */
function perRequestCpu(r: autocannon.Result, cpu: number): string {
  const us = (cpu / r.requests.total) * 1e6;
  return `server CPU ${Math.round(us)} µs/request (≈ ${Math.round(1e6 / us)}/s on one free core)`;
}

function check(label: string, r: autocannon.Result): void {
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0) throw new Error(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
}

const server = await startBenchServer();
try {
  const token = await apiToken(server.url);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' };
  const probe = await json(await fetch(`${server.url}/api/customs/assess`, { method: 'POST', headers, body: JSON.stringify(scenario) }));
  console.log(`server ${server.url} (log level ${values['log-level']}${values.cpu ? `, pinned to CPU ${values.cpu}` : ''}); probe: ${probe.outcome as string}`);

  const single = { url: `${server.url}/api/customs/assess`, method: 'POST' as const, headers, body: JSON.stringify(scenario) };
  await run({ ...single, connections: CONNECTIONS, duration: 3 }); // warm-up (JIT)

  let cpu = cpuSeconds(server.pid);
  const max = await run({ ...single, connections: CONNECTIONS, duration: DURATION });
  const maxCpu = cpuSeconds(server.pid) - cpu;
  check('throughput', max);
  const rps = max.requests.total / (max.duration || DURATION);
  console.log(
    `(a) throughput: ${Math.round(rps)} decisions/s (${max.requests.total} in ${max.duration.toFixed(1)} s, ${CONNECTIONS} connections); ` +
      `latency p50 ${max.latency.p50} ms, p99 ${max.latency.p99} ms; ${perRequestCpu(max, maxCpu)}`,
  );

  const fixed = await run({ ...single, connections: CONNECTIONS, overallRate: RATE, duration: RATE_DURATION });
  check('fixed rate', fixed);
  console.log(
    `(b) fixed rate ${RATE} req/s for ${RATE_DURATION} s: ${fixed.requests.total} requests; ` +
      `latency p50 ${fixed.latency.p50} ms, p90 ${fixed.latency.p90} ms, p99 ${fixed.latency.p99} ms, max ${fixed.latency.max} ms`,
  );

  const body = JSON.stringify({ scenarios: Array.from({ length: BATCH }, () => scenario) });
  cpu = cpuSeconds(server.pid);
  const batch = await run({ url: `${server.url}/api/customs/assess/batch`, method: 'POST', headers, body, connections: 2, duration: DURATION });
  const batchCpu = cpuSeconds(server.pid) - cpu;
  check('batch', batch);
  console.log(
    `(c) batch of ${BATCH}: ${Math.round((batch.requests.total * BATCH) / (batch.duration || DURATION))} decisions/s ` +
      `(${batch.requests.total} requests; latency p50 ${batch.latency.p50} ms, p99 ${batch.latency.p99} ms; ` +
      `server CPU ${Math.round((batchCpu / (batch.requests.total * BATCH)) * 1e6)} µs/decision)`,
  );
} finally {
  await server.stop();
}
