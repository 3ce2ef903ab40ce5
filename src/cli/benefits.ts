import fs from 'node:fs';
import { Command } from 'commander';
import { AppError } from '../kernel/errors.ts';
// The benefits context loads only when one of its commands runs: `landao --help` stays light.
import type { SubsidyResult } from '../contexts/benefits/index.ts';

function readPersonYears(file: string): { name: string; data: unknown } {
  const name = file === '-' ? '(stdin)' : file;
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new AppError('bad_request', `${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return { name, data: JSON.parse(text) };
  } catch (e) {
    throw new AppError('bad_request', `${name}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const cny = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const twd = (v: number) => v.toLocaleString('en-US');

/** A readable table of one result: Chinese legal names with English labels, amounts right-aligned. */
export function formatSubsidy(r: SubsidyResult): string {
  const rows: (string | [string, string])[] = [];
  const m = r.breakdown.mainland;
  const t = r.breakdown.taiwan;
  const s = r.breakdown.subsidy;
  const item = (label: { 'zh-CN': string; en: string }, prefix = '') => `  ${prefix}${label['zh-CN']} ${label.en}`;
  rows.push(`台湾居民个人所得税补贴 Taiwan residents' IIT subsidy — ${r.breakdown.fx.year}`);
  rows.push(`规则 Rule: ${r.rule === 'burden-difference' ? '税负差额 burden-difference' : `按实缴税额比例 share-of-tax ${s.sharePercent}%`}`);
  rows.push(`政策版本 Policy version: ${r.policyVersion}`);
  rows.push(`汇率 FX: 1 CNY = ${r.breakdown.fx.twdPerCny} TWD (${r.breakdown.fx.source})`);
  rows.push('', '大陆个人所得税 Mainland IIT (CNY)');
  for (const i of m.comprehensive.income) rows.push([item(i.label), cny(i.cny)]);
  for (const d of m.comprehensive.deductions) rows.push([item(d.label, '减 − '), cny(d.cny)]);
  for (const d of m.specialAdditionalDeductionItems ?? []) rows.push([item(d.label, '    其中 of which '), cny(d.cny)]);
  rows.push(['  应纳税所得额 Taxable income', cny(m.comprehensive.taxableIncomeCny)]);
  rows.push(['  税率 Rate / 速算扣除数 Quick deduction', `${m.comprehensive.ratePercent}% / ${cny(m.comprehensive.quickDeductionCny)}`]);
  if (m.business) {
    rows.push([item(m.business.label), cny(m.business.incomeCny)]);
    rows.push(['  经营所得应纳税所得额 Business taxable income', cny(m.business.taxableIncomeCny)]);
    rows.push(['  经营所得税额 Business income tax', cny(m.business.taxCny)]);
  }
  rows.push(['  应纳税额 Tax (computed)', cny(r.mainlandTaxCny)]);
  rows.push(['  实缴税额 Tax actually paid', cny(r.mainlandTaxPaidCny) + (m.differsFromPaid ? '  (≠ computed)' : '')]);
  rows.push('', `台湾综合所得税 Taiwan income tax (TWD, ${t.filingStatus === 'married' ? '已婚 married' : '单身 single'}, ${t.householdMembers} 人 persons)`);
  for (const i of t.income) rows.push([item(i.label), twd(i.twd)]);
  for (const d of t.deductions) rows.push([item(d.label, '减 − '), twd(d.twd)]);
  rows.push(['  综合所得净额 Net taxable income', twd(t.netTaxableIncomeTwd)]);
  rows.push(['  税率 Rate / 累进差额 Progressive difference', `${t.ratePercent}% / ${twd(t.progressiveDifferenceTwd)}`]);
  rows.push(['  应纳税额 Tax', twd(r.taiwanTaxTwd)]);
  rows.push(['  折合人民币 Tax in CNY', cny(r.taiwanTaxCny)]);
  rows.push('', '补贴 Subsidy (CNY)');
  if (s.excludedBusinessTaxCny > 0) rows.push(['  减 − 经营所得税额（不计入）Business income tax (excluded)', cny(s.excludedBusinessTaxCny)]);
  rows.push(['  计入的实缴税额 Eligible tax paid', cny(s.eligibleTaxPaidCny)]);
  rows.push(`  计算 Formula: ${s.formula}`);
  rows.push(['  补贴金额 Subsidy (免税 tax-free)', cny(r.subsidyCny)]);
  const notes = r.breakdown.notes;
  const labelWidth = Math.max(...rows.map((x) => (typeof x === 'string' ? 0 : width(x[0]))));
  const valueWidth = Math.max(...rows.map((x) => (typeof x === 'string' ? 0 : width(x[1]))));
  const lines = rows.map((x) => (typeof x === 'string' ? x : `${x[0]}${' '.repeat(labelWidth - width(x[0]) + 2)}${' '.repeat(valueWidth - width(x[1]))}${x[1]}`));
  if (notes.length) lines.push('', '说明 Notes', ...notes.map((n) => `  - ${n}`));
  return lines.join('\n') + '\n';
}

export function benefitsCommands(): Command {
  const benefits = new Command('benefits').description('proactive benefits (免申即享): the Taiwan residents’ IIT subsidy calculator');
  benefits
    .command('subsidy')
    .argument('<person-year.json>', 'one person-year as JSON, or an array of them; - reads standard input')
    .description(
      'compute the IIT subsidy of each person-year (mainland IIT, Taiwan 綜合所得稅 on the same income, the rule) with a breakdown of every deduction (exit 0 ok, 2 bad input)',
    )
    .option('--json', 'print the result (an array for an array) as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { computeSubsidy, SUBSIDY_INPUT_FIELDS } = await import('../contexts/benefits/index.ts');
      const { name, data } = readPersonYears(file);
      const many = Array.isArray(data);
      const inputs: unknown[] = many ? data : [data];
      const results = inputs.map((input, n) => {
        const at = many ? `[${n}]` : '';
        if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
          for (const key of Object.keys(input)) if (!SUBSIDY_INPUT_FIELDS.includes(key)) process.stderr.write(`landao: warning: ${name}: ${at}${at ? '.' : ''}${key}: unknown field, ignored\n`);
        }
        try {
          return computeSubsidy(input as Parameters<typeof computeSubsidy>[0]);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const message = e.message.startsWith('(input):') ? (at || '(input)') + e.message.slice('(input)'.length) : (at ? `${at}.` : '') + e.message;
          throw new AppError(e.code, `${name}: ${message}`, e.details);
        }
      });
      if (opts.json) process.stdout.write(JSON.stringify(many ? results : results[0], null, 2) + '\n');
      else process.stdout.write(results.map(formatSubsidy).join('\n'));
    });
  return benefits;
}
