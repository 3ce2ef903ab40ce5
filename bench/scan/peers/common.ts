/**
 * Shared harness of the npm peer benchmarks: streams a text file line by line (constant memory),
 * hands each line to a detector, stops at a prefix limit if asked, and prints one JSON result line
 * on standard output (human-readable progress goes to standard error).
 *
 * MB figures are MiB (2^20 bytes). Timing covers reading + decoding + detecting, from the first
 * byte to the last line (library load and set-up excluded, reported separately as `setupSeconds`).
 */
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';

export interface PeerOptions {
  file: string;
  /** Stop after this many MiB of input (a prefix); 0 = whole file. */
  maxMb: number;
  /** Stop after this many seconds; 0 = no limit. */
  maxSeconds: number;
  /** Text encoding of the file (any WHATWG label Node's TextDecoder knows: utf-8, gb18030, gbk). */
  encoding: string;
  /** Skip the first line (the CSV header). */
  skipHeader: boolean;
}

export interface PeerResult {
  tool: string;
  version: string;
  file: string;
  fileBytes: number;
  /** Bytes actually processed (< fileBytes when a prefix limit stopped the run). */
  bytes: number;
  lines: number;
  setupSeconds: number;
  seconds: number;
  mibPerSec: number;
  peakRssMiB: number;
  detections: number;
  byType: Record<string, number>;
  partial: boolean;
  /** Whole-file time extrapolated from the measured rate (equals `seconds` for a full run). */
  estFullSeconds: number;
  note: string;
}

export function parsePeerArgs(defaults: { maxMb: number; maxSeconds: number }): PeerOptions {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      file: { type: 'string' },
      'max-mb': { type: 'string', default: String(defaults.maxMb) },
      'max-seconds': { type: 'string', default: String(defaults.maxSeconds) },
      encoding: { type: 'string', default: 'utf-8' },
      'keep-header': { type: 'boolean', default: false },
    },
  });
  const file = values.file ?? positionals[0];
  if (!file) {
    console.error('usage: npx tsx bench/scan/peers/<peer>.ts <file.csv> [--max-mb N (0 = all)] [--max-seconds N] [--encoding gb18030]');
    process.exit(2);
  }
  return {
    file,
    maxMb: Number(values['max-mb']),
    maxSeconds: Number(values['max-seconds']),
    encoding: values.encoding,
    skipHeader: !values['keep-header'],
  };
}

/**
 * Calls `onLine` for each line of the file (without its newline) until the end or a limit.
 * Returns the bytes and lines consumed and whether a limit stopped it.
 */
export async function forEachLine(
  opts: PeerOptions,
  onLine: (line: string) => void,
  progress?: (bytes: number, seconds: number) => void,
): Promise<{ bytes: number; lines: number; partial: boolean; seconds: number }> {
  const maxBytes = opts.maxMb > 0 ? opts.maxMb * 1048576 : Infinity;
  const maxMs = opts.maxSeconds > 0 ? opts.maxSeconds * 1000 : Infinity;
  const decoder = new TextDecoder(opts.encoding);
  const t0 = performance.now();
  let bytes = 0;
  let lines = 0;
  let carry = '';
  let header = opts.skipHeader;
  let partial = false;
  let lastProgress = t0;
  const stream = createReadStream(opts.file, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      const text = carry + decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
        const line = text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
        start = nl + 1;
        if (header) {
          header = false;
          continue;
        }
        onLine(line);
        lines++;
      }
      carry = text.slice(start);
      const now = performance.now();
      if (progress && now - lastProgress > 10_000) {
        lastProgress = now;
        progress(bytes, (now - t0) / 1000);
      }
      if (bytes >= maxBytes || now - t0 >= maxMs) {
        partial = true;
        break;
      }
    }
    if (!partial) {
      carry += decoder.decode();
      if (carry.length > 0 && !header) {
        onLine(carry);
        lines++;
      }
    }
  } finally {
    stream.destroy();
  }
  return { bytes, lines, partial, seconds: (performance.now() - t0) / 1000 };
}

export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

export function finish(r: Omit<PeerResult, 'mibPerSec' | 'estFullSeconds' | 'peakRssMiB'>): PeerResult {
  const mibPerSec = r.bytes / 1048576 / r.seconds;
  const result: PeerResult = {
    ...r,
    mibPerSec,
    peakRssMiB: peakRssMiB(),
    estFullSeconds: r.partial ? r.fileBytes / 1048576 / mibPerSec : r.seconds,
  };
  const mib = (n: number): string => (n / 1048576).toFixed(1);
  console.error(
    `${r.tool} ${r.version}: ${mib(r.bytes)} of ${mib(r.fileBytes)} MiB, ${r.lines} lines, ${r.seconds.toFixed(1)} s → ` +
      `${mibPerSec.toFixed(2)} MiB/s, peak RSS ${result.peakRssMiB.toFixed(0)} MiB, ${r.detections} detections` +
      (r.partial ? ` — PREFIX ONLY, whole file extrapolated to ~${result.estFullSeconds.toFixed(0)} s at this rate` : ''),
  );
  console.log(JSON.stringify(result));
  return result;
}

export function fileSize(file: string): number {
  return statSync(file).size;
}

export function topTypes(byType: Record<string, number>, n = 12): Record<string, number> {
  return Object.fromEntries(
    Object.entries(byType)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n),
  );
}
