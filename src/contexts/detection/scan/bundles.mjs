/**
 * The scanner as plain JavaScript, so that neither a worker thread nor `landao scan`'s main thread
 * needs the tsx loader (~30 MB of RSS per thread that registers it, and a slower start).
 *
 * One esbuild build of two entries: the scan worker (scan-worker.ts, run by every worker thread) and
 * `landao scan` / `landao mask` (src/cli/scan-main.ts, run by bin/landao.js). Plain JavaScript itself
 * (with bundles.d.mts for TypeScript) because bin/landao.js imports it before any loader is registered.
 *
 * The build goes to `node_modules/.cache/landao/scan/`, a git-ignored product made on demand: when
 * its manifest is missing or older than any of its sources (esbuild's metafile lists them). Files are
 * named by their content hash and each is written to a temporary name and renamed, the manifest last,
 * so concurrent scans never see half a build. npm packages stay external (resolved from the project's
 * node_modules); packages and project modules are marked free of side effects, so a module's code is
 * only loaded when the bundle uses one of its exports (the CLI entry takes four functions from the
 * detection context's index without its service, routes, zod or database drivers). This module stays
 * external too: the bundled CLI and bin/landao.js share one instance, and with it the build they run.
 *
 * When the bundle cannot be built (no esbuild, read-only tree) the worker falls back to the tsx entry
 * (scan-worker.mjs) and bin/landao.js to the TypeScript command line: slower to start and heavier,
 * same results. `LANDAO_SCAN_WORKER=tsx` forces both fallbacks.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bumped when the build options change, so older builds are rebuilt. */
const BUILD_VERSION = 2;
const SELF = fileURLToPath(import.meta.url);
const HERE = path.dirname(SELF);
const ROOT = path.resolve(HERE, '../../../..');
const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'landao', 'scan');
const MANIFEST = path.join(OUT_DIR, 'manifest.json');
const ENTRIES = { 'scan-worker': path.join(HERE, 'scan-worker.ts'), 'scan-main': path.join(ROOT, 'src', 'cli', 'scan-main.ts') };
/**
 * Files of builds before the previous one are deleted once this old: a process keeps the build it
 * started with (its workers, lazily loaded readers), and may have started just before a rebuild.
 */
const PRUNE_AFTER_MS = 3600_000;

/** The worker through the tsx loader (the fallback). */
export const TSX_WORKER_URL = new URL('./scan-worker.mjs', import.meta.url);

/** @type {Promise<{ main: URL, worker: URL }> | null} */
let pending = null;
/** @type {{ main: URL, worker: URL } | null} The build this process runs its CLI from (scanMainUrl). */
let running = null;

function currentBuild() {
  if (process.env.LANDAO_SCAN_WORKER === 'tsx') return Promise.reject(new Error('LANDAO_SCAN_WORKER=tsx'));
  pending ??= ensureBuild();
  const p = pending;
  // Check again on the next scan (sources may change while a server runs).
  p.then(
    () => (pending === p ? (pending = null) : undefined),
    () => (pending === p ? (pending = null) : undefined),
  );
  return p;
}

/**
 * The bundled `landao scan` / `mask` entry (built or rebuilt first when needed); rejects when there is
 * none. Its workers then come from the same build, whatever changes on disk during the run.
 */
export async function scanMainUrl() {
  running = await currentBuild();
  return running.main;
}

/** The URL of the worker to start: the bundled one, or the tsx entry when no bundle can be had. */
export async function scanWorkerUrl() {
  if (process.env.LANDAO_SCAN_WORKER === 'tsx') return TSX_WORKER_URL;
  if (running) return running.worker;
  return currentBuild().then(
    (b) => b.worker,
    () => TSX_WORKER_URL,
  );
}

async function ensureBuild() {
  return (await freshBuild()) ?? (await build());
}

/** The manifest's build when no source is newer than its start, else null. */
async function freshBuild() {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(MANIFEST, 'utf8'));
  } catch {
    return null;
  }
  const built = manifest.startedAt;
  if (manifest.version !== BUILD_VERSION || typeof built !== 'number' || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return null;
  try {
    const times = await Promise.all([...manifest.inputs.map(async (f) => (await stat(path.resolve(ROOT, f))).mtimeMs), stat(path.join(OUT_DIR, manifest.main)), stat(path.join(OUT_DIR, manifest.worker))]);
    if (!times.slice(0, manifest.inputs.length).every((t) => t <= built)) return null;
  } catch {
    return null; // a source (or a built file) was moved or deleted
  }
  return urls(manifest);
}

function urls(manifest) {
  return { main: pathToFileURL(path.join(OUT_DIR, manifest.main)), worker: pathToFileURL(path.join(OUT_DIR, manifest.worker)) };
}

/** @type {import('esbuild').Plugin} */
const resolvePlugin = {
  name: 'landao-scan',
  setup(b) {
    const again = Symbol('resolved by landao-scan');
    b.onResolve({ filter: /[\\/]bundles\.mjs$/ }, () => ({ path: path.relative(OUT_DIR, SELF).split(path.sep).join('/'), external: true }));
    b.onResolve({ filter: /^[^./]/ }, (a) => ({ path: a.path, external: true, sideEffects: false }));
    b.onResolve({ filter: /^\./ }, async (a) => {
      if (a.pluginData === again) return undefined;
      const r = await b.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, with: a.with, pluginData: again });
      return r.errors.length ? { errors: r.errors } : { path: r.path, sideEffects: false };
    });
  },
};

async function build() {
  const esbuild = await import('esbuild');
  // Sources are compared with the start of the build: one saved while it runs makes it stale.
  const startedAt = Date.now();
  await mkdir(OUT_DIR, { recursive: true });
  const result = await esbuild.build({
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    write: false,
    bundle: true,
    splitting: true,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [resolvePlugin],
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    banner: { js: '// Built by src/contexts/detection/scan/bundles.mjs; do not edit.' },
  });
  // A warning (an import esbuild found undefined, e.g. a source saved half-written) fails the build.
  if (result.warnings.length) throw new Error(`scan bundle: ${result.warnings[0].text}`);
  const tag = `${process.pid}.${Date.now()}.tmp`;
  const names = new Set();
  for (const f of result.outputFiles) {
    const name = path.basename(f.path);
    names.add(name);
    // Same name, same content: a file another build wrote is kept as it is.
    if (await stat(f.path).then(() => true, () => false)) continue;
    await writeFile(`${f.path}.${tag}`, f.contents);
    await rename(`${f.path}.${tag}`, f.path);
  }
  const entryOutput = (entry) => {
    const out = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint && path.resolve(ROOT, o.entryPoint) === ENTRIES[entry]);
    if (!out) throw new Error(`esbuild produced no output for ${entry}`);
    return path.basename(out[0]);
  };
  const previous = await readFile(MANIFEST, 'utf8').then((t) => JSON.parse(t).files, () => undefined);
  const manifest = { version: BUILD_VERSION, startedAt, main: entryOutput('scan-main'), worker: entryOutput('scan-worker'), files: [...names], inputs: Object.keys(result.metafile.inputs) };
  await writeFile(`${MANIFEST}.${tag}`, JSON.stringify(manifest));
  await rename(`${MANIFEST}.${tag}`, MANIFEST);
  await prune(new Set([...names, ...(Array.isArray(previous) ? previous : [])]));
  return urls(manifest);
}

/** Deletes the files of neither this build nor the previous one (and stray temporary files) once PRUNE_AFTER_MS old. */
async function prune(keep) {
  const now = Date.now();
  for (const name of await readdir(OUT_DIR)) {
    if (keep.has(name) || name === 'manifest.json') continue;
    const file = path.join(OUT_DIR, name);
    const st = await stat(file).catch(() => null);
    if (st && now - st.mtimeMs > PRUNE_AFTER_MS) await rm(file, { force: true });
  }
}
