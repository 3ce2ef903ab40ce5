/**
 * Descriptive metadata after DA/T 46-2009 (文书类电子文件元数据方案), as far as an archived service record
 * needs it: 题名, 责任者, 日期, 文件编号, 门类, 办件编号, 文种, 保管期限, 档号, plus free additional items.
 * Validated with zod (errors name the field) and written to each package as `metadata.xml`.
 */
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import { RETENTIONS } from './schedule.ts';

export const ARCHIVE_SOURCES = ['services.case', 'registry.certificate', 'customs.clearance', 'archives.disposal', 'api'] as const;
export type ArchiveSource = (typeof ARCHIVE_SOURCES)[number];

// eslint-disable-next-line no-control-regex
const text = (max: number) => z.string().trim().min(1).max(max).refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'control characters are not allowed');

/** 日期: a calendar date that exists (no 2026-02-30). */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => {
    const t = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

export const descriptionSchema = z.object({
  source: z.enum(ARCHIVE_SOURCES),
  sourceRef: text(200),
  category: z.string().regex(/^[A-Z]{2}$/, 'a 2-letter category code'),
  title: text(500),
  responsible: text(200),
  date: calendarDate,
  documentNo: text(100).optional(),
  documentType: text(50).optional(),
  caseRef: text(100).optional(),
  retention: z.enum(RETENTIONS).optional(),
  /** 机构(问题)代码 of the 档号; the category's department when absent. */
  org: z.string().regex(/^[A-Z0-9]{1,8}$/, '1–8 capital letters or digits').optional(),
  /** Further items (主题词, 摘要, 密级 …) as name → text. */
  metadata: z.record(z.string().regex(/^[\p{L}\p{N}_.-]{1,64}$/u, 'a name of letters, digits, _ . -'), z.string().max(4000)).default({}),
});

export type Description = z.infer<typeof descriptionSchema>;
export type DescriptionInput = z.input<typeof descriptionSchema>;

export interface FieldProblem {
  field: string;
  reason: string;
}

export function checkDescription(input: unknown): { ok: true; value: Description } | { ok: false; problems: FieldProblem[] } {
  const r = descriptionSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', reason: i.message })) };
}

export function parseDescription(input: unknown): Description {
  const r = checkDescription(input);
  if (!r.ok) throw new AppError('validation_failed', `archive metadata: ${r.problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, { problems: r.problems });
  return r.value;
}

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface PackageFile {
  path: string;
  size: number;
  sha512: string;
  sm3: string;
  mediaType: string;
  format: string;
}

/**
 * `metadata.xml` of a package: the description, the 档号 and version, and every content file with its
 * size, digests and detected format (what DA/T 70 1-10/2-11 compare with the files themselves).
 */
export function metadataXml(d: Description, ctx: { archivalCode: string; version: number; retention: string; org: string; fonds: string; reason?: string | undefined }, files: PackageFile[]): string {
  const el = (name: string, v: string | number | undefined, indent = '  ') => (v === undefined ? '' : `${indent}<${name}>${xmlEscape(String(v))}</${name}>\n`);
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<record xmlns="urn:landao:archives:metadata:1">\n';
  out += el('archivalCode', ctx.archivalCode) + el('version', ctx.version) + el('fonds', ctx.fonds) + el('category', d.category) + el('retention', ctx.retention) + el('org', ctx.org);
  out += el('title', d.title) + el('responsible', d.responsible) + el('date', d.date) + el('documentNo', d.documentNo) + el('documentType', d.documentType) + el('caseRef', d.caseRef);
  out += el('source', d.source) + el('sourceRef', d.sourceRef) + el('correctionReason', ctx.reason);
  const extra = Object.keys(d.metadata).sort();
  if (extra.length > 0) {
    out += '  <additional>\n';
    for (const k of extra) out += `    <item name="${xmlEscape(k)}">${xmlEscape(d.metadata[k]!)}</item>\n`;
    out += '  </additional>\n';
  }
  out += `  <files count="${files.length}" bytes="${files.reduce((s, f) => s + f.size, 0)}">\n`;
  for (const f of files) out += `    <file path="${xmlEscape(f.path)}" size="${f.size}" mediaType="${xmlEscape(f.mediaType)}" format="${xmlEscape(f.format)}" sha512="${f.sha512}" sm3="${f.sm3}"/>\n`;
  out += '  </files>\n</record>\n';
  return out;
}
