/**
 * 四性检测 (DA/T 70-2018): authenticity 真实性, integrity 完整性, usability 可用性, security 安全性.
 * One report per package: each item's code (after DA/T 70's numbering as public implementations use it),
 * result and evidence. Results: pass, fail (the package is refused), warn, not_applicable.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FormatFinding } from './formats.ts';

export type CheckResult = 'pass' | 'fail' | 'warn' | 'not_applicable';
export type Property = 'authenticity' | 'integrity' | 'usability' | 'security';

export interface CheckItem {
  code: string;
  property: Property;
  name: string;
  result: CheckResult;
  evidence: string;
}

export interface FourPropertiesReport {
  archivalCode: string;
  version: number;
  stage: 'archiving' | 'transfer' | 'preservation';
  at: string;
  result: 'pass' | 'warn' | 'fail';
  items: CheckItem[];
}

export function overall(items: CheckItem[]): 'pass' | 'warn' | 'fail' {
  if (items.some((i) => i.result === 'fail')) return 'fail';
  return items.some((i) => i.result === 'warn') ? 'warn' : 'pass';
}

/** The report as lines for the console. */
export function reportText(r: FourPropertiesReport): string {
  const mark: Record<CheckResult, string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', not_applicable: 'N/A ' };
  return [`四性检测 ${r.archivalCode} v${r.version} (${r.stage}, ${r.at}): ${r.result.toUpperCase()}`, ...r.items.map((i) => `  ${mark[i.result]} ${i.code} ${i.name}: ${i.evidence}`)].join('\n') + '\n';
}

// ---- virus scanning ----------------------------------------------------------------------------

/** ClamAV when installed; never installed by the platform. */
export interface VirusScanner {
  /** The scanner's name and path, or null when there is none. */
  available(): string | null;
  /** Scans local files: clean, or the infected files named in the evidence. */
  scan(files: string[]): Promise<{ clean: boolean; evidence: string }>;
}

function onPath(cmd: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const f = path.join(dir, cmd);
    try {
      fs.accessSync(f, fs.constants.X_OK);
      return f;
    } catch {
      // not here
    }
  }
  return null;
}

export class ClamAvScanner implements VirusScanner {
  private readonly bin = onPath('clamdscan') ?? onPath('clamscan');

  available(): string | null {
    return this.bin;
  }

  async scan(files: string[]): Promise<{ clean: boolean; evidence: string }> {
    if (!this.bin) throw new Error('no ClamAV scanner');
    const bin = this.bin;
    return new Promise((resolve, reject) => {
      execFile(bin, ['--no-summary', ...files], { maxBuffer: 1 << 20 }, (err, stdout) => {
        const code: unknown = err ? (err as { code?: unknown }).code : 0;
        if (code === 0) resolve({ clean: true, evidence: `${path.basename(bin)}: no virus found in ${files.length} files` });
        else if (code === 1) resolve({ clean: false, evidence: `${path.basename(bin)}: ${stdout.split('\n').filter((l) => l.includes('FOUND')).join('; ')}` });
        else reject(new Error(`${path.basename(bin)} failed: ${String(err?.message).split('\n')[0]}`));
      });
    });
  }
}

// ---- the checks at archiving -------------------------------------------------------------------

export interface ArchivingFacts {
  archivalCode: string;
  codeWellFormed: boolean;
  codeTakenBy: string | null;
  itemNo: number;
  maxItemNoBefore: number;
  files: { path: string; size: number; sha512: string; sm3: string; finding: FormatFinding; expected?: { sha512?: string | undefined; sm3?: string | undefined } | undefined }[];
  storedSizes: Map<string, number | null>;
  payloadOxum: string;
  metadataXmlParses: string | null;
  metadataFileCount: number;
  descriptionProblems: string[];
  mandatory: Record<string, string | undefined>;
  ingestionEventRecorded: boolean;
  virus: { scanner: string | null; clean?: boolean | undefined; evidence?: string | undefined };
  today: string;
  date: string;
}

export function archivingChecks(f: ArchivingFacts): CheckItem[] {
  const items: CheckItem[] = [];
  const add = (code: string, property: Property, name: string, result: CheckResult, evidence: string) => items.push({ code, property, name, result, evidence });
  const n = f.files.length;
  const bytes = f.files.reduce((s, x) => s + x.size, 0);

  add('1-1', 'authenticity', '固化信息有效性 fixity information', n > 0 && f.files.every((x) => /^[0-9a-f]{128}$/.test(x.sha512) && /^[0-9a-f]{64}$/.test(x.sm3)) ? 'pass' : 'fail', `SHA-512 and SM3 of ${n} files computed while storing, written to manifest-sha512.txt and manifest-sm3.txt`);
  const metaProblems = [...f.descriptionProblems, ...(f.date > f.today ? [`date ${f.date} is in the future`] : [])];
  add('1-2', 'authenticity', '元数据准确性 metadata accuracy', metaProblems.length === 0 ? 'pass' : 'fail', metaProblems.length === 0 ? 'every item within its length, type and value domain' : metaProblems.join('; '));
  add('1-3', 'authenticity', '档号规范性与唯一性 archival code format and uniqueness', f.codeWellFormed && !f.codeTakenBy ? 'pass' : 'fail', !f.codeWellFormed ? `${f.archivalCode} does not match 全宗号-门类·年度-期限-机构-件号` : f.codeTakenBy ? `${f.archivalCode} already used by record ${f.codeTakenBy}` : `${f.archivalCode} well-formed and unique`);
  const withExpected = f.files.filter((x) => x.expected && (x.expected.sha512 || x.expected.sm3));
  const mismatched = withExpected.filter((x) => (x.expected!.sha512 && x.expected!.sha512.toLowerCase() !== x.sha512) || (x.expected!.sm3 && x.expected!.sm3.toLowerCase() !== x.sm3));
  add('1-14', 'authenticity', '与业务系统一致 identical to what the sender sent', withExpected.length === 0 ? 'not_applicable' : mismatched.length === 0 ? 'pass' : 'fail', withExpected.length === 0 ? 'the sender gave no digests to compare' : mismatched.length === 0 ? `${withExpected.length} sender digests match` : `digest differs from the sender's for ${mismatched.map((x) => x.path).join(', ')}`);

  const missingStored = [...f.storedSizes].filter(([, s]) => s === null).map(([p]) => p);
  const wrongSize = f.files.filter((x) => f.storedSizes.get(x.path) !== null && f.storedSizes.get(x.path) !== x.size).map((x) => x.path);
  add('1-11', 'authenticity', '元数据与内容关联 recorded storage path = actual', missingStored.length === 0 ? 'pass' : 'fail', missingStored.length === 0 ? `${n} payload blobs present where metadata.xml says` : `not stored: ${missingStored.join(', ')}`);
  add('2-1', 'integrity', '总件数相符 file count', f.metadataFileCount === n && f.storedSizes.size === n ? 'pass' : 'fail', `${n} files received, ${f.metadataFileCount} in metadata.xml, ${f.storedSizes.size} stored`);
  add('2-2', 'integrity', '总字节数相符 byte count', wrongSize.length === 0 && f.payloadOxum === `${bytes}.${n}` ? 'pass' : 'fail', wrongSize.length === 0 ? `Payload-Oxum ${f.payloadOxum} = ${bytes} bytes in ${n} files` : `stored size differs for ${wrongSize.join(', ')}`);
  const emptyMandatory = Object.entries(f.mandatory).filter(([, v]) => !v || v.trim() === '').map(([k]) => k);
  add('2-4', 'integrity', '必填元数据项 mandatory metadata', emptyMandatory.length === 0 ? 'pass' : 'fail', emptyMandatory.length === 0 ? `${Object.keys(f.mandatory).join(', ')} present` : `empty: ${emptyMandatory.join(', ')}`);
  add('2-5', 'integrity', '过程信息 processing history', f.ingestionEventRecorded ? 'pass' : 'fail', 'premis.json records ingestion, digest calculation, format identification and virus check');
  add('2-6', 'integrity', '件号连续性 gap-free item numbers', f.itemNo === f.maxItemNoBefore + 1 ? 'pass' : 'fail', `件号 ${f.itemNo} follows ${f.maxItemNoBefore} in its series`);
  const empty = f.files.filter((x) => x.size === 0).map((x) => x.path);
  add('2-7', 'integrity', '内容及附件完整 content and attachments', n === 0 ? 'fail' : empty.length === 0 ? 'pass' : 'warn', n === 0 ? 'no content file' : empty.length === 0 ? `${n} non-empty files` : `empty files: ${empty.join(', ')}`);

  add('3-1', 'usability', '元数据可读 metadata XML parses', f.metadataXmlParses === null ? 'pass' : 'fail', f.metadataXmlParses ?? 'metadata.xml parsed back with an XML parser');
  const nonArchival = f.files.filter((x) => !x.finding.archival);
  const claims = f.files.filter((x) => x.finding.claim).map((x) => `${x.path}: ${x.finding.claim}`);
  add('3-3', 'usability', '归档格式 archival formats (by content)', nonArchival.length === 0 ? 'pass' : 'warn', [`${f.files.map((x) => `${x.path}=${x.finding.format}`).join(', ')}`, ...claims, ...(nonArchival.length ? [`not an archival format: ${nonArchival.map((x) => x.path).join(', ')}`] : [])].join('; '));
  // A known format whose structure is broken fails; an unknown one cannot be judged (warn).
  const notOpening = f.files.filter((x) => !x.finding.opens.ok && x.size > 0 && x.finding.format !== 'UNKNOWN');
  const unjudged = f.files.filter((x) => x.finding.format === 'UNKNOWN' && x.size > 0);
  add(
    '3-4',
    'usability',
    '内容可打开 content opens (structure heuristic)',
    notOpening.length > 0 ? 'fail' : unjudged.length > 0 ? 'warn' : 'pass',
    (notOpening.length > 0 ? notOpening : f.files).map((x) => `${x.path}: ${x.finding.opens.evidence}`).join('; '),
  );
  const locked = f.files.filter((x) => x.finding.encrypted || x.finding.unusualCompression.length > 0);
  add('3-8', 'usability', '无加密、无非公开压缩 no encryption or non-public compression', locked.length === 0 ? 'pass' : 'fail', locked.length === 0 ? 'no /Encrypt dictionary, no encrypted or unusual ZIP entries' : locked.map((x) => `${x.path}: ${x.finding.encrypted ? 'encrypted' : ''} ${x.finding.unusualCompression.join(', ')}`.trim()).join('; '));

  add('4-1', 'security', '杀毒软件 antivirus present', f.virus.scanner ? 'pass' : 'warn', f.virus.scanner ? `ClamAV at ${f.virus.scanner}` : 'ClamAV not available (clamscan/clamdscan not installed)');
  add('4-2', 'security', '病毒检测 virus check', !f.virus.scanner ? 'not_applicable' : f.virus.clean ? 'pass' : 'fail', f.virus.evidence ?? 'not checked: no virus scanner available');
  add('4-7', 'security', '归档过程安全可控 controlled archiving process', 'pass', 'files stored through the blob store (temporary file, fsync, rename); record, 件号 and audit event written in one transaction');
  return items;
}
