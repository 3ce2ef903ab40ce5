/**
 * The tax calculators (issue 8): n synthetic person-years through computeSubsidy — mainland IIT, Taiwan 綜合所得稅 on the
 * same income, the rule, the full breakdown — on one core.
 *
 *   npx tsx bench/benefits/calculators.bench.ts [--n 100000] [--seed 8] [--rounds 3]
 *
 * The person-years are generated first (seeded): years 2023/2024, wages 0–1,500,000 CNY (log-spread), a quarter with
 * other income, a tenth with business income and residence days either side of 183, special and special additional
 * deductions (a fifth from counts), a configured or given rate, both rules, single / married with dependants, 70+.
 * Each round computes all of them; reports wall-clock and CPU time (process.cpuUsage), ops/s, heap and RSS, and the
 * load averages before and after (the machine is shared). Prints a Markdown table row per round.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { computeSubsidy, type SubsidyInput } from '../../src/contexts/benefits/tax/index.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100000' }, seed: { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' } } });
const n = Number(values.n);
const rounds = Number(values.rounds);

/** mulberry32: a small seeded generator, so every run computes the same person-years. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(Number(values.seed));
const yuan = (max: number) => Math.round(random() * max * 100) / 100;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function personYear(): SubsidyInput {
  const wagesCny = Math.round(Math.exp(random() * Math.log(1_500_000)) * 100) / 100;
  const p: SubsidyInput = { year: pick([2023, 2024]), wagesCny, mainlandTaxPaidCny: 0, specialDeductionsCny: Math.min(yuan(30000), Math.round(wagesCny * 20) / 100) };
  if (random() < 0.25) p.otherIncomeCny = yuan(200000);
  if (random() < 0.1) {
    p.businessIncomeCny = yuan(500000);
    p.residenceDays = Math.floor(120 + random() * 246);
  }
  if (random() < 0.2) p.specialAdditionalDeductions = { children: Math.floor(random() * 3), elderlyOnlyChild: random() < 0.5, housingRent: { tier: pick(['tier1', 'tier2', 'tier3'] as const) } };
  else p.specialAdditionalDeductionsCny = yuan(48000);
  if (random() < 0.5) p.fxTwdPerCny = Math.round((4.2 + random() * 0.4) * 10000) / 10000;
  if (random() < 0.2) p.rule = 'share-of-tax';
  if (random() < 0.3) p.taiwan = { filingStatus: 'married', dependants: Math.floor(random() * 4), age70OrOver: random() < 0.05 };
  // The tax paid: the computed tax, sometimes a little off (to exercise the flag).
  p.mainlandTaxPaidCny = computeSubsidy(p).mainlandTaxCny + (random() < 0.05 ? 10 : 0);
  return p;
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`generating ${n} person-years (seed ${values.seed}); load ${load()}`);
const people = Array.from({ length: n }, personYear);

console.log(`\n| round | person-years | wall s | CPU s | ops/s (wall) | ops/s per CPU-s | heap MiB | RSS MiB | load before → after | checksum (sum of subsidies, CNY) |`);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|');
for (let round = 1; round <= rounds; round++) {
  const before = load();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let sumFen = 0;
  for (const p of people) sumFen += Math.round(computeSubsidy(p).subsidyCny * 100);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(cpu0);
  const cpu = (c.user + c.system) / 1e6;
  const mem = process.memoryUsage();
  console.log(
    `| ${round} | ${n} | ${wall.toFixed(2)} | ${cpu.toFixed(2)} | ${Math.round(n / wall)} | ${Math.round(n / cpu)} | ${(mem.heapUsed / 2 ** 20).toFixed(0)} | ${(mem.rss / 2 ** 20).toFixed(0)} | ${before} → ${load()} | ${(sumFen / 100).toFixed(2)} |`,
  );
}
