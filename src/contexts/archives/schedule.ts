/**
 * The archive's categories and retention schedule (保管期限表), loaded from schedule.json and checked
 * once. A category code doubles as the 门类 code of the 档号; `org` is the default 机构(问题) code.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';

export const RETENTIONS = ['Y', 'D30', 'D10'] as const;
/** 保管期限: 永久 (Y), 30 years (D30), 10 years (D10). */
export type Retention = (typeof RETENTIONS)[number];
/** Years a retention keeps a record; null = permanent. */
export const RETENTION_YEARS: Record<Retention, number | null> = { Y: null, D30: 30, D10: 10 };

const retention = z.enum(RETENTIONS);
const scheduleSchema = z.object({
  note: z.string(),
  categories: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z]{2}$/),
        name: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
        org: z.string().regex(/^[A-Z0-9]{1,8}$/),
        retention: z.record(z.string(), retention).refine((r) => 'default' in r, 'needs a default'),
      }),
    )
    .min(1),
});

export type Schedule = z.infer<typeof scheduleSchema>;
export type Category = Schedule['categories'][number];

export function parseSchedule(doc: unknown): Schedule {
  const r = scheduleSchema.safeParse(doc);
  if (!r.success) throw new AppError('validation_failed', `retention schedule: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const codes = new Set<string>();
  for (const c of r.data.categories) {
    if (codes.has(c.code)) throw new AppError('validation_failed', `retention schedule: category ${c.code} appears twice`);
    codes.add(c.code);
  }
  return r.data;
}

let shipped: Schedule | undefined;
export function shippedSchedule(): Schedule {
  shipped ??= parseSchedule(JSON.parse(fs.readFileSync(new URL('./schedule.json', import.meta.url), 'utf8')));
  return shipped;
}

export function categoryOf(schedule: Schedule, code: string): Category {
  const c = schedule.categories.find((x) => x.code === code);
  if (!c) throw new AppError('validation_failed', `category: unknown archive category ${JSON.stringify(code)} (known: ${schedule.categories.map((x) => x.code).join(', ')})`, { field: 'category' });
  return c;
}

/** The retention the schedule gives a document type of a category (its default for any other type). */
export function retentionFor(category: Category, documentType: string | undefined): Retention {
  return (documentType !== undefined ? category.retention[documentType] : undefined) ?? category.retention['default']!;
}
