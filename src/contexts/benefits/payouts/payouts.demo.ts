/**
 * Demo payouts: given the candidates of a matching run (the engine's demo run, or `demoCandidates` in
 * tests), the finance bureau (caizheng, PT-CZJR) excludes one with a reason and confirms the rest in one
 * bulk confirmation, taibao (李志明) authorises the payment into his bank account, and one batch is built
 * and paid. Everything goes through the service, as the people would do it.
 */
import type { Principal } from '../../../kernel/principal.ts';
import { maskValue, personHash } from '../../detection/index.ts';
import type { MatchedCandidate } from '../candidates.ts';
import { CONSENT_VERSION, type PayoutService } from './payouts.service.ts';

/** taibao's residence permit (the service hall's demo account holds the same number). */
const TAIBAO_PERMIT = '830000199001010012';
export const DEMO_TAIBAO_ACCOUNT = { bankName: '中国银行平潭分行', accountNo: '6217856100012345678', accountName: '李志明' } as const;

/**
 * Candidates as a run of the Taiwan IIT subsidy would hand them over: taibao first, then `others` synthetic
 * people (residence permits with a valid check character), amounts in fen, figures in the calculator's shape.
 */
export function demoCandidates(opts: {
  personHashKey: string;
  fundingOrgId: number;
  runId: number;
  period?: string;
  others?: number;
  policyKey?: string;
  policyVersion?: number;
  amountOf?: (i: number) => number;
}): MatchedCandidate[] {
  const people = [{ id: TAIBAO_PERMIT, name: '李志明' }];
  const names = ['陈淑芬', '林家豪', '黄怡君', '张俊杰', '王雅婷', '吴建宏', '刘佳玲', '蔡冠宇', '杨美玲', '许宗翰'];
  for (let i = 0; i < (opts.others ?? 5); i++) people.push({ id: demoPermit(i), name: names[i % names.length]! + (i >= names.length ? String(i) : '') });
  return people.map((person, i) => {
    const amountFen = opts.amountOf ? opts.amountOf(i) : 1_000_000 + i * 12_345;
    return {
      runId: opts.runId,
      policyKey: opts.policyKey ?? 'tw-iit-subsidy',
      policyVersion: opts.policyVersion ?? 1,
      fundingOrgId: opts.fundingOrgId,
      period: opts.period ?? '2024',
      subject: { kind: 'person', key: personHash(opts.personHashKey, 'tw_residence_permit', person.id), displayName: person.name, maskedId: maskValue('tw_residence_permit', person.id) },
      amountFen,
      inputs: { taxRecord: { batchId: 1, rowNo: i + 1, year: Number(opts.period ?? '2024'), wagesCny: 420_000 + i * 1000 } },
      // The engine's shape: the formula's amount and each calculator call's result.
      figures: {
        amountFen,
        calculations: [{ mainlandTaxCny: 70_080 + i * 250, taiwanTaxTwd: 0, taiwanTaxCny: 70_080 + i * 250 - amountFen / 100, subsidyCny: amountFen / 100, rule: 'burden-difference', policyVersion: `tw-iit-subsidy/${opts.period ?? '2024'}` }],
      },
    };
  });
}

/** The residence permit of the demo candidates' synthetic person `i` (830000 + 1985-01-01 + sequence + MOD 11-2 check). */
export function demoPermit(i: number): string {
  const body = `83000019850101${String(100 + i * 2).padStart(3, '0')}`;
  return body + mod11(body);
}

function mod11(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

/**
 * Runs the demo flow over a run's candidates. `principalOf` answers the demo users' principals (main.ts's
 * demoPrincipal). Returns what it did, for the caller's log.
 */
/**
 * Moves a run's payouts along: one excluded, the rest confirmed, taibao authorises, one batch paid. Given candidates it offers
 * them first; given a run (whose candidates a wired matching run already offered) it starts from its offered payouts.
 */
export async function seedPayoutsDemo(
  payouts: PayoutService,
  from: MatchedCandidate[] | { runId: number; policyKey: string },
  principalOf: (username: string) => Promise<Principal>,
): Promise<{ offered: number; confirmed: number; excluded: number; paid: number }> {
  if (Array.isArray(from)) {
    if (from.length === 0) return { offered: 0, confirmed: 0, excluded: 0, paid: 0 };
    await payouts.offer(from);
  }
  const caizheng = await principalOf('caizheng');
  const taibao = await principalOf('taibao');
  const { runId, policyKey } = Array.isArray(from) ? from[0]! : from;
  const offered = await payouts.list(caizheng, { runId, state: 'offered', limit: 200 });
  const mine = (await payouts.my(taibao)).items;
  // Exclude one (not taibao): the second confirmation finds a reason the data could not show.
  const toExclude = offered.items.find((p) => p.subject.displayName !== '李志明');
  let excluded = 0;
  if (toExclude) {
    await payouts.exclude(caizheng, toExclude.id, '经核查，该人员本年度已在厦门享受同类补贴，不重复发放');
    excluded = 1;
  }
  const s = await payouts.summary(caizheng, { runId, state: 'offered' });
  const confirmed = s.count > 0 ? (await payouts.confirmRun(caizheng, { runId, expectedCount: s.count, expectedTotalFen: s.totalFen })).confirmed : 0;
  let paid = 0;
  const taibaoPayout = (await payouts.my(taibao)).items.find((p) => p.policyKey === policyKey && !mine.some((m) => m.id === p.id));
  if (taibaoPayout) {
    await payouts.authorise(taibao, taibaoPayout.id, { ...DEMO_TAIBAO_ACCOUNT, consentVersion: CONSENT_VERSION, agree: true });
    const batch = await payouts.createBatch(caizheng, { policyKey });
    const csv = ['lineNo,status,bankReference', ...batch.lines.map((l) => `${l.lineNo},paid,DEMO-${batch.batchNo}-${l.lineNo}`)].join('\r\n');
    paid = (await payouts.importResults(caizheng, batch.id, { filename: 'results.csv', data: Buffer.from(csv, 'utf8') })).paid;
  }
  return { offered: offered.items.length, confirmed, excluded, paid };
}
