#!/usr/bin/env node
/**
 * Builds the web front end (web/ → web/dist/) with Vite.
 *   node scripts/build-web.mjs              always build
 *   node scripts/build-web.mjs --if-stale   build only when a source is newer than web/dist/index.html
 * Prints one line saying what it did; exits non-zero when the build fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const webDir = path.join(import.meta.dirname, '..', 'web');
const output = path.join(webDir, 'dist', 'index.html');
const sources = [path.join(webDir, 'src'), path.join(webDir, 'index.html'), path.join(webDir, 'vite.config.ts')];

function newestMtime(p) {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function isStale() {
  const built = fs.statSync(output, { throwIfNoEntry: false });
  return !built || sources.some((s) => newestMtime(s) > built.mtimeMs);
}

const rel = path.relative(process.cwd(), path.dirname(output)) || '.';

// Always a production bundle, even when run from a test runner that set NODE_ENV=test.
process.env.NODE_ENV = 'production';

if (process.argv.includes('--if-stale') && !isStale()) {
  console.log(`web build is up to date (${rel}), skipped`);
} else {
  const started = Date.now();
  try {
    await build({ configFile: path.join(webDir, 'vite.config.ts'), mode: 'production', logLevel: 'error' });
  } catch (e) {
    console.error(`web build failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  console.log(`built web front end into ${rel} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
