#!/usr/bin/env node
/**
 * Regenerates web/src/i18n/zh-TW.json from zh-CN.json (opencc 'cn' → 'twp' plus the reviewed glossary).
 * Run after editing zh-CN.json or zh-TW.glossary.json, and commit the result.
 *   node scripts/gen-zh-tw.mjs           write zh-TW.json
 *   node scripts/gen-zh-tw.mjs --check   exit 1 if zh-TW.json is out of date
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateZhTw, paths, serialize } from './zh-tw.mjs';

const text = serialize(generateZhTw());
const rel = path.relative(process.cwd(), paths.target);
const current = fs.existsSync(paths.target) ? fs.readFileSync(paths.target, 'utf8') : '';

if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${rel} is out of date: run node scripts/gen-zh-tw.mjs`);
    process.exit(1);
  }
  console.log(`${rel} is up to date`);
} else if (current === text) {
  console.log(`${rel} unchanged`);
} else {
  fs.writeFileSync(paths.target, text);
  console.log(`wrote ${rel} (${Object.keys(JSON.parse(text)).length} messages)`);
}
