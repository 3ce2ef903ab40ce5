/**
 * The scan worker as one plain JavaScript file, so a worker thread needs no TypeScript loader.
 *
 * A worker thread does not inherit the main thread's tsx loader; registering tsx in every worker
 * (scan-worker.mjs) costs ~30 MB of RSS per worker and slows its start. Instead the worker source
 * (scan-worker.ts and what it imports) is bundled with esbuild (installed with tsx) into
 * `node_modules/.cache/landao/scan-worker.mjs`, a git-ignored build product made on demand: when it
 * is missing or older than any of its sources (listed by esbuild's metafile next to it). npm
 * packages stay external and resolve from the project's node_modules. The bundle is written to a
 * temporary name and renamed, so concurrent scans never see half a file.
 *
 * When the bundle cannot be built (no esbuild, read-only tree) the worker falls back to the tsx
 * entry (scan-worker.mjs): slower to start and heavier, same results.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bumped when the build options change, so older bundles are rebuilt. */
const BUILD_VERSION = 1;
const ENTRY = fileURLToPath(new URL('./scan-worker.ts', import.meta.url));
const ROOT = path.resolve(path.dirname(ENTRY), '../../../..');
const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'landao');
const OUT = path.join(OUT_DIR, 'scan-worker.mjs');
const INPUTS = `${OUT}.inputs.json`;
/** The worker through the tsx loader (the fallback). */
export const TSX_WORKER_URL = new URL('./scan-worker.mjs', import.meta.url);

interface InputsFile {
  version: number;
  inputs: string[];
}

let pending: Promise<URL> | null = null;

/**
 * The URL of the worker to start: the plain-JS bundle (built or rebuilt first when needed), or the
 * tsx entry when no bundle can be had. `LANDAO_SCAN_WORKER=tsx` forces the tsx entry.
 */
export function scanWorkerUrl(): Promise<URL> {
  if (process.env.LANDAO_SCAN_WORKER === 'tsx') return Promise.resolve(TSX_WORKER_URL);
  pending ??= ensureBundle().catch(() => TSX_WORKER_URL);
  const p = pending;
  // Check again on the next scan (sources may change while a server runs).
  void p.finally(() => {
    if (pending === p) pending = null;
  });
  return p;
}

async function ensureBundle(): Promise<URL> {
  if (await isFresh()) return pathToFileURL(OUT);
  await build();
  return pathToFileURL(OUT);
}

async function isFresh(): Promise<boolean> {
  let built: number;
  let list: InputsFile;
  try {
    built = (await stat(OUT)).mtimeMs;
    list = JSON.parse(await readFile(INPUTS, 'utf8')) as InputsFile;
  } catch {
    return false;
  }
  if (list.version !== BUILD_VERSION || !Array.isArray(list.inputs) || list.inputs.length === 0) return false;
  try {
    const times = await Promise.all(list.inputs.map(async (f) => (await stat(path.resolve(ROOT, f))).mtimeMs));
    return times.every((t) => t <= built);
  } catch {
    return false; // a source was moved or deleted
  }
}

async function build(): Promise<void> {
  const esbuild = await import('esbuild');
  const tmp = `${OUT}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(OUT_DIR, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    banner: { js: '// Built by src/contexts/detection/scan/worker-bundle.ts from scan-worker.ts; do not edit.' },
  });
  const inputs = Object.keys(result.metafile.inputs);
  const list: InputsFile = { version: BUILD_VERSION, inputs };
  // The inputs list first: a bundle is only taken as fresh with its list next to it.
  await writeFile(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(list));
  await rename(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  await rename(tmp, OUT);
}
