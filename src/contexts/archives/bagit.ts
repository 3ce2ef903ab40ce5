/**
 * BagIt 1.0 (RFC 8493) for archive packages: tag files written from what ingestion measured, and an
 * independent validator that reads a bag directory from disk and lists EVERY problem (per file, never
 * stopping at the first; unlike bagit-python it does not skip the file checks when Payload-Oxum is wrong).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { digestChunks } from './digest-pool.ts';
import { checkDescription, type PackageFile } from './metadata.ts';

export const BAG_ALGORITHMS = ['sha512', 'sm3'] as const;
export type BagAlgorithm = (typeof BAG_ALGORITHMS)[number];

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** Manifest paths: `%`, CR and LF percent-encoded (RFC 8493 §2.1.3). */
export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(p: string): string {
  return p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

/**
 * A payload file name safe as a blob key segment and a portable file name: NFC, no separators,
 * control characters or leading dot, unique within the package (`name (2).pdf`).
 */
export function safeFileName(name: string, taken: Set<string>): string {
  // eslint-disable-next-line no-control-regex
  let n = name.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').trim();
  n = n.replace(/^\.+/, '_');
  if (n === '' || n === '_') n = 'file';
  if (Buffer.byteLength(n) > 200) n = n.slice(0, 100);
  let out = n;
  for (let i = 2; taken.has(out.toLowerCase()); i++) {
    const dot = n.lastIndexOf('.');
    out = dot > 0 ? `${n.slice(0, dot)} (${i})${n.slice(dot)}` : `${n} (${i})`;
  }
  taken.add(out.toLowerCase());
  return out;
}

export function manifest(files: { path: string; digest: string }[]): string {
  return files.map((f) => `${f.digest}  ${encodeManifestPath(f.path)}\n`).join('');
}

export function payloadOxum(files: { size: number }[]): string {
  return `${files.reduce((s, f) => s + f.size, 0)}.${files.length}`;
}

export interface BagInfo {
  sourceOrganization: string;
  externalIdentifier: string;
  baggingDate: string;
  internalSenderIdentifier: string;
  description: string;
  version: number;
}

/** `bag-info.txt`; values on one line (line breaks folded to spaces). */
export function bagInfoTxt(info: BagInfo, files: { size: number }[]): string {
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();
  return [
    `Source-Organization: ${one(info.sourceOrganization)}`,
    `Bagging-Date: ${info.baggingDate}`,
    `Payload-Oxum: ${payloadOxum(files)}`,
    `External-Identifier: ${info.externalIdentifier}`,
    `Internal-Sender-Identifier: ${one(info.internalSenderIdentifier)}`,
    `External-Description: ${one(info.description)}`,
    `Bag-Group-Identifier: ${info.externalIdentifier}`,
    `Bag-Count: ${info.version} of ${info.version}`,
    'Bag-Software-Agent: Landao archives',
    '',
  ].join('\n');
}

export interface TagFile {
  name: string;
  data: Buffer;
}

const digest = (alg: BagAlgorithm, b: Buffer) => crypto.createHash(alg).update(b).digest('hex');

/**
 * Every tag file of a bag whose payload is `files` (already hashed): bagit.txt, bag-info.txt, the two
 * payload manifests, metadata.xml, premis.json, and the two tag manifests over all of those.
 */
export function buildTagFiles(info: BagInfo, files: PackageFile[], metadataXml: string, premisJson: string): TagFile[] {
  const tags: TagFile[] = [
    { name: 'bagit.txt', data: Buffer.from(BAGIT_TXT) },
    { name: 'bag-info.txt', data: Buffer.from(bagInfoTxt(info, files)) },
    { name: 'manifest-sha512.txt', data: Buffer.from(manifest(files.map((f) => ({ path: f.path, digest: f.sha512 })))) },
    { name: 'manifest-sm3.txt', data: Buffer.from(manifest(files.map((f) => ({ path: f.path, digest: f.sm3 })))) },
    { name: 'metadata.xml', data: Buffer.from(metadataXml) },
    { name: 'premis.json', data: Buffer.from(premisJson) },
  ];
  for (const alg of BAG_ALGORITHMS) tags.push({ name: `tagmanifest-${alg}.txt`, data: Buffer.from(manifest(tags.map((t) => ({ path: t.name, digest: digest(alg, t.data) })))) });
  return tags;
}

// ---- validation ------------------------------------------------------------------------------

export type BagProblemCode =
  | 'missing_tag_file'
  | 'bad_bagit_txt'
  | 'no_manifest'
  | 'bad_manifest_line'
  | 'missing_file'
  | 'wrong_hash'
  | 'extra_file'
  | 'wrong_payload_oxum'
  | 'bad_bag_info'
  | 'bad_metadata'
  | 'unsafe_path'
  // A zipped bag refused before anything is unpacked (zip.ts).
  | 'zip_unreadable'
  | 'zip_entries'
  | 'zip_size'
  | 'zip_ratio'
  | 'zip_symlink'
  | 'zip_encrypted'
  | 'zip_duplicate';

export interface BagProblem {
  code: BagProblemCode;
  /** The file the problem is about, relative to the bag. */
  path?: string | undefined;
  message: string;
}

export interface BagReport {
  ok: boolean;
  problems: BagProblem[];
  bagInfo: Record<string, string>;
  /** Payload files with their measured size and digests. */
  files: { path: string; size: number; sha512: string; sm3: string }[];
  metadataXml: string | null;
}

function parseManifest(text: string, name: string, problems: BagProblem[]): Map<string, string> {
  const out = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
    if (!m) {
      problems.push({ code: 'bad_manifest_line', path: name, message: `${name} line ${i + 1}: not "<digest> <path>"` });
      return;
    }
    const p = decodeManifestPath(m[2]!.trim());
    if (p.startsWith('/') || p.split('/').includes('..')) {
      problems.push({ code: 'unsafe_path', path: name, message: `${name} line ${i + 1}: path ${JSON.stringify(p)} leaves the bag` });
      return;
    }
    out.set(p, m[1]!.toLowerCase());
  });
  return out;
}

export function parseBagInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) out[last] += ` ${line.trim()}`;
    else {
      const i = line.indexOf(':');
      if (i > 0) {
        last = line.slice(0, i).trim();
        out[last] = line.slice(i + 1).trim();
      }
    }
  }
  return out;
}

function hashFile(file: string): Promise<{ size: number; sha512: string; sm3: string }> {
  return digestChunks(fs.createReadStream(file, { highWaterMark: 1 << 20 }));
}

async function walk(root: string, rel: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fsp.readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...(await walk(root, r)));
    else out.push(r);
  }
  return out.sort();
}

/** Metadata fields read back from `metadata.xml` (element name → text; additional items by name). */
export function readMetadataXml(xml: string): { fields: Record<string, string>; additional: Record<string, string>; files: { path: string; size: number }[] } {
  const parser = new SaxesParser({ xmlns: false });
  const fields: Record<string, string> = {};
  const additional: Record<string, string> = {};
  const files: { path: string; size: number }[] = [];
  const stack: string[] = [];
  let itemName: string | undefined;
  let textBuf = '';
  parser.on('opentag', (t) => {
    stack.push(t.name);
    textBuf = '';
    if (t.name === 'item') itemName = String(t.attributes['name'] ?? '');
    if (t.name === 'file') files.push({ path: String(t.attributes['path'] ?? ''), size: Number(t.attributes['size']) });
  });
  parser.on('text', (t) => (textBuf += t));
  parser.on('closetag', (t) => {
    stack.pop();
    if (t.name === 'item' && itemName !== undefined) additional[itemName] = textBuf;
    else if (stack.length === 1 && t.name !== 'files' && t.name !== 'additional') fields[t.name] = textBuf;
    textBuf = '';
  });
  parser.write(xml).close();
  return { fields, additional, files };
}

/** Reads the bag in `dir` with no help from the database and lists every problem found. */
export async function validateBagDir(dir: string): Promise<BagReport> {
  const problems: BagProblem[] = [];
  const read = (name: string): string | null => {
    try {
      return fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      return null;
    }
  };
  const bagit = read('bagit.txt');
  if (bagit === null) problems.push({ code: 'missing_tag_file', path: 'bagit.txt', message: 'bagit.txt is missing' });
  else {
    const d = parseBagInfo(bagit);
    if (!/^1\.\d+$|^0\.9[67]$/.test(d['BagIt-Version'] ?? '') || (d['Tag-File-Character-Encoding'] ?? '').toUpperCase() !== 'UTF-8')
      problems.push({ code: 'bad_bagit_txt', path: 'bagit.txt', message: 'bagit.txt must declare BagIt-Version 1.0 and Tag-File-Character-Encoding UTF-8' });
  }
  const infoText = read('bag-info.txt');
  const bagInfo = infoText === null ? {} : parseBagInfo(infoText);
  if (infoText === null) problems.push({ code: 'missing_tag_file', path: 'bag-info.txt', message: 'bag-info.txt is missing' });

  const manifests = new Map<BagAlgorithm, Map<string, string>>();
  for (const alg of BAG_ALGORITHMS) {
    const t = read(`manifest-${alg}.txt`);
    if (t !== null) manifests.set(alg, parseManifest(t, `manifest-${alg}.txt`, problems));
  }
  if (manifests.size === 0) problems.push({ code: 'no_manifest', message: 'no manifest-sha512.txt or manifest-sm3.txt' });

  const onDisk = fs.existsSync(path.join(dir, 'data')) ? (await walk(dir, 'data')) : [];
  const listed = new Set<string>();
  for (const m of manifests.values()) for (const p of m.keys()) listed.add(p);
  const files: BagReport['files'] = [];
  for (const p of [...listed].sort()) {
    if (!p.startsWith('data/')) {
      problems.push({ code: 'unsafe_path', path: p, message: `${p}: payload manifests may list only files under data/` });
      continue;
    }
    if (!onDisk.includes(p)) {
      problems.push({ code: 'missing_file', path: p, message: `${p}: listed in the manifest but missing` });
      continue;
    }
    const h = await hashFile(path.join(dir, p));
    files.push({ path: p, ...h });
    for (const [alg, m] of manifests) {
      const want = m.get(p);
      if (want === undefined) problems.push({ code: 'bad_manifest_line', path: p, message: `${p}: not listed in manifest-${alg}.txt` });
      else if (want !== h[alg]) problems.push({ code: 'wrong_hash', path: p, message: `${p}: ${alg} is ${h[alg]}, the manifest says ${want}` });
    }
  }
  for (const p of onDisk) if (!listed.has(p)) problems.push({ code: 'extra_file', path: p, message: `${p}: in data/ but in no manifest` });

  const oxum = bagInfo['Payload-Oxum'];
  if (oxum !== undefined) {
    const sizes = await Promise.all(onDisk.map(async (p) => (await fsp.stat(path.join(dir, p))).size));
    const actual = `${sizes.reduce((s, x) => s + x, 0)}.${onDisk.length}`;
    if (oxum !== actual) problems.push({ code: 'wrong_payload_oxum', path: 'bag-info.txt', message: `Payload-Oxum is ${oxum}, the payload is ${actual} (bytes.files)` });
  } else if (infoText !== null) problems.push({ code: 'bad_bag_info', path: 'bag-info.txt', message: 'bag-info.txt has no Payload-Oxum' });

  for (const alg of BAG_ALGORITHMS) {
    const t = read(`tagmanifest-${alg}.txt`);
    if (t === null) continue;
    for (const [p, want] of parseManifest(t, `tagmanifest-${alg}.txt`, problems)) {
      const buf = (() => {
        try {
          return fs.readFileSync(path.join(dir, p));
        } catch {
          return null;
        }
      })();
      if (!buf) problems.push({ code: 'missing_file', path: p, message: `${p}: listed in tagmanifest-${alg}.txt but missing` });
      else if (digest(alg, buf) !== want) problems.push({ code: 'wrong_hash', path: p, message: `${p}: ${alg} differs from tagmanifest-${alg}.txt` });
    }
  }

  const metadataXml = read('metadata.xml');
  if (metadataXml === null) problems.push({ code: 'bad_metadata', path: 'metadata.xml', message: 'metadata.xml is missing' });
  else {
    try {
      const md = readMetadataXml(metadataXml);
      const c = checkDescription({ ...md.fields, metadata: md.additional });
      if (!c.ok) for (const pr of c.problems) problems.push({ code: 'bad_metadata', path: 'metadata.xml', message: `metadata.xml ${pr.field}: ${pr.reason}` });
      if (md.files.length !== listed.size) problems.push({ code: 'bad_metadata', path: 'metadata.xml', message: `metadata.xml lists ${md.files.length} files, the manifests ${listed.size}` });
      if (md.fields['archivalCode'] && bagInfo['External-Identifier'] && md.fields['archivalCode'] !== bagInfo['External-Identifier'])
        problems.push({ code: 'bad_metadata', path: 'metadata.xml', message: `metadata.xml archivalCode ${md.fields['archivalCode']} ≠ External-Identifier ${bagInfo['External-Identifier']}` });
    } catch (e) {
      problems.push({ code: 'bad_metadata', path: 'metadata.xml', message: `metadata.xml does not parse: ${(e as Error).message.split('\n')[0]}` });
    }
  }
  return { ok: problems.length === 0, problems, bagInfo, files, metadataXml };
}
