/**
 * The public certificate status (the JSON behind the verification page a certificate's QR code opens)
 * over HTTP on loopback: starts the real server (`landao serve`, one Node process, temporary data
 * directory, SQLite, demo data seeded through the registry lifecycle), looks up a demo certificate
 * with the public search, then drives GET /api/registry/verify/{certificateNo} with autocannon for
 * --duration seconds over --connections connections. Target: ≥ 1,000 req/s. Every response must be
 * a 200; the run fails otherwise. Figures depend on the machine and its load.
 *
 *   npx tsx bench/registry/verify-page.bench.ts [--duration 10] [--connections 10] [--log-level info] [--cpu 0] [--profile dir]
 *
 * --profile writes the server's CPU profile (node --cpu-prof) into dir when it stops.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer, type RunningServer } from '../../test/helpers/server-process.ts';

const { values } = parseArgs({
  options: {
    cpu: { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    profile: { type: 'string' },
  },
});

/** `landao serve` on a fresh SQLite directory, as run in development, optionally pinned and profiled. */
function startBenchServer(): Promise<RunningServer> {
  return startServer({
    env: { NODE_ENV: 'development', LANDAO_LOG_LEVEL: values['log-level'] },
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [],
    ...(values.cpu ? { cpu: values.cpu } : {}),
  });
}

/** CPU seconds (user + system) the server process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const server = await startBenchServer();
try {
  const search = (await (await fetch(`${server.url}/api/registry/public/registrations?q=${encodeURIComponent('光环境')}`)).json()) as { items: { certificateNo: string; book: string }[] };
  const cert = search.items.find((i) => i.book === 'asset')?.certificateNo;
  if (!cert) throw new Error('no demo certificate found: is the demo data seeded?');
  const target = `${server.url}/api/registry/verify/${cert}`;
  const probe = (await (await fetch(target)).json()) as { status: string; encumbrances: unknown[] };
  console.log(`server ${server.url} (log level ${values['log-level']}${values.cpu ? `, pinned to CPU ${values.cpu}` : ''}); certificate ${cert}: ${probe.status}, ${probe.encumbrances.length} encumbrance(s)`);
  const cpuBefore = cpuSeconds(server.pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url: target, connections: Number(values.connections), duration: Number(values.duration) }, (err, r) => (err ? reject(err) : resolve(r)));
  });
  const cpu = cpuSeconds(server.pid) - cpuBefore;
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  const rps = result.requests.total / Number(values.duration);
  console.log(
    `GET /api/registry/verify/{no}: ${Math.round(rps)} req/s (${result.requests.total} requests in ${values.duration} s, ${values.connections} connections); ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `server CPU ${Math.round((cpu / result.requests.total) * 1e6)} µs/request; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log(`target ≥ 1,000 req/s: ${rps >= 1000 ? 'PASS' : 'FAIL'}`);
} finally {
  await server.stop();
}
