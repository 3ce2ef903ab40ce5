/**
 * Runs the real platform (`node bin/landao.js serve`) as a child process for end-to-end tests: a free
 * port, a fresh data directory (so demo data is seeded anew), and the built web front end.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
// Start-up includes seeding the demo: on a loaded 2-core machine that alone can take a minute.
const HEALTH_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 5_000;
const OUTPUT_KEPT = 16_000;

export interface RunningServer {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:43121 */
  url: string;
  dataDir: string;
  /** The server's process id (CPU time from /proc, pinning). */
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would: no shutdown hooks run. */
  kill(): Promise<void>;
  /** The last part of what the server wrote to stderr, and its exit code once it has exited. */
  diagnostics(): { stderr: string; stdout: string; exitCode: number | null | undefined };
}

export interface StartOptions {
  /** Extra environment for the server, over the test defaults. */
  env?: NodeJS.ProcessEnv;
  /** Reuse this data directory (kept after stop) instead of a fresh one (removed after stop). */
  dataDir?: string;
  /** Node options before the script (benchmarks: `--cpu-prof`, `--max-semi-space-size=…`). */
  nodeArgs?: string[];
  /** Pin the server's threads to these CPUs once it answers (`taskset -a -cp`; benchmarks). */
  cpu?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * Test files run in parallel processes; a lock directory makes them build the web front end one at
 * a time, so none serves a web/dist that another is rewriting. A lock older than 5 minutes is stale.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(ROOT, 'web', '.build-lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

let webBuild: Promise<void> | undefined;

/** Builds web/dist if any web source is newer than it; once per test process. */
export function ensureWebBuild(): Promise<void> {
  webBuild ??= withBuildLock(() => run(['scripts/build-web.mjs', '--if-stale']));
  return webBuild;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  await ensureWebBuild();
  const port = await freePort();
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'landao-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'bin/landao.js', 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LANDAO_DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LANDAO_LOG_LEVEL: 'warn',
      ...opts.env,
    },
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-OUTPUT_KEPT)));
  // The server's log (LANDAO_LOG_LEVEL, warn by default here): kept for a failed journey's report.
  child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-OUTPUT_KEPT)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const stop = async () => {
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const gone = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
      if (!gone) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (exitCode === undefined) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (!(await healthy(url))) {
    if (exitCode !== undefined || Date.now() > deadline) {
      const why = exitCode !== undefined ? `exited with code ${exitCode}` : `did not answer GET /api/health within ${HEALTH_TIMEOUT_MS / 1000} s`;
      await stop();
      throw new Error(`landao serve ${why}; its stderr:\n${stderr || '(empty)'}`);
    }
    await sleep(200);
  }
  if (opts.cpu) execFileSync('taskset', ['-a', '-cp', opts.cpu, String(child.pid)], { stdio: 'ignore' });
  return { url, dataDir, pid: child.pid!, stop, kill, diagnostics: () => ({ stderr, stdout, exitCode }) };
}
