import { describe, expect, it } from 'vitest';
import { compileLogic } from './logic-compiler.ts';
import { applyLogic, evaluate, evaluateCompiled } from './rules.ts';
import IIT_POLICY from './tw-iit-subsidy.json' with { type: 'json' };
import AWARD_POLICY from './tw-company-award.json' with { type: 'json' };

type Outcome = { value: unknown } | { error: string };

function outcome(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
  }
}

/** The compiled rule gives what json-logic-js gives (value, or the same error) on this data. */
function expectSame(rule: unknown, data: unknown): void {
  const reference = outcome(() => applyLogic(rule, data));
  const compiled = outcome(() => compileLogic(rule)(data));
  expect(compiled, JSON.stringify({ rule, data })).toEqual(reference);
}

const TAX = { idType: 'mtp', wagesCny: 300_000, otherIncomeCny: 0, mainlandTaxPaidCny: 31_080, taxPaidInZone: true, s: '10', z: 0, n: null, e: '', arr: [1, '2', 3] };
const DATA = {
  subject: { kind: 'person', hasAccount: false },
  period: { year: 2024, from: '2024-01-01', to: '2024-12-31' },
  params: { rule: 'burden-difference', sharePercent: 20, minEmployees: 20 },
  tax: TAX,
  residence: { residenceDays: 200 },
  employment: [
    { inZone: false, fromDate: '2020-01-01', x: 1 },
    { inZone: true, fromDate: '2024-01-01', x: '2' },
  ],
  company: { taiwanFunded: true, registeredInZone: 'yes', taxPaidCny: '600000', employees: 150 },
};

describe('compiled JSON Logic', () => {
  it('gives the same eligibility and amount as json-logic-js on the shipped policies, figures included', () => {
    const variants: unknown[] = [
      DATA,
      { ...DATA, tax: { ...TAX, idType: 'residence_permit', taxPaidInZone: false } },
      { ...DATA, tax: { ...TAX, mainlandTaxPaidCny: 0 }, employment: [] },
      { ...DATA, tax: { ...TAX, businessIncomeCny: 50_000, businessTaxPaidCny: 5_000 }, residence: null },
      { ...DATA, params: { rule: 'share-of-tax', sharePercent: 20 } },
      { ...DATA, tax: null, residence: null, employment: null },
      { ...DATA, tax: { ...TAX, wagesCny: -1 } },
      { ...DATA, company: { taiwanFunded: 'true', registeredInZone: 1, taxPaidCny: 499_999, employees: '100' } },
      {},
    ];
    let compared = 0;
    for (const policy of [IIT_POLICY, AWARD_POLICY]) {
      for (const data of variants) {
        for (const c of policy.eligibility) {
          expectSame(c.rule, data);
          compared++;
        }
        const reference = outcome(() => evaluate(policy.amount.formula, data));
        const compiled = outcome(() => evaluateCompiled(compileLogic(policy.amount.formula), data));
        expect(compiled).toEqual(reference);
        compared++;
      }
    }
    expect(compared).toBe(9 * (IIT_POLICY.eligibility.length + AWARD_POLICY.eligibility.length + 2));
  });

  it('keeps json-logic-js truthiness: an empty array is false, "0" and an empty object are true', () => {
    for (const v of [[], [0], '', '0', 0, -0, NaN, null, {}, 'a', 1, true, false]) {
      for (const op of ['!!', '!']) {
        expectSame({ [op]: [v] }, {});
        expectSame({ [op]: { var: 'v' } }, { v });
      }
      expectSame({ if: [{ var: 'v' }, 'yes', 'no'] }, { v });
      expectSame({ and: [true, { var: 'v' }, 'last'] }, { v });
      expectSame({ or: [false, { var: 'v' }, 'last'] }, { v });
    }
    expect(compileLogic({ '!!': [[]] })({})).toBe(false);
    expect(compileLogic({ '!!': ['0'] })({})).toBe(true);
  });

  it('reads var like json-logic-js: defaults, dotted paths, missing data, null steps, array indexes and the whole data', () => {
    const rules: unknown[] = [
      { var: 'tax.idType' },
      { var: ['tax.missing', 'fallback'] },
      { var: ['tax.n', 'fallback'] },
      { var: ['tax.n.deeper', 'fallback'] },
      { var: 'tax.s.length' },
      { var: 'tax.arr.1' },
      { var: ['employment.1.inZone'] },
      { var: 1 },
      { var: '' },
      { var: [] },
      { var: [null, 'x'] },
      { var: ['nothing'] },
      { var: ['nothing', { cat: ['computed ', { var: 'tax.idType' }] }] },
      { var: { cat: ['tax', '.', 'idType'] } },
      { var: ['tax.z', 5] },
      { var: ['tax.e', 5] },
      { var: 'tax.constructor' },
      { var: ['a.b.c', [1, 2]] },
    ];
    for (const r of rules) for (const data of [DATA, null, undefined, 'text', 42, [10, 20], {}]) expectSame(r, data);
  });

  it('compares strings and numbers as json-logic-js does, and handles in, missing and the arithmetic edge cases', () => {
    const rules: unknown[] = [
      { '==': ['1', 1] },
      { '===': ['1', 1] },
      { '!=': [null, 0] },
      { '==': [null, undefined] },
      { '>': ['10', 9] },
      { '>': ['10', '9'] },
      { '>=': ['abc', 1] },
      { '<': [1, '2', 3] },
      { '<=': [3, 2, 1] },
      { '<': [{ var: 'tax.s' }, 100] },
      { '==': [{ var: 'tax.taxPaidInZone' }, 'true'] },
      { in: [{ var: 'tax.idType' }, ['residence_permit', 'mtp']] },
      { in: ['rm', 'permit'] },
      { in: ['x', null] },
      { in: ['x', 5] },
      { in: [2, { var: 'tax.arr' }] },
      { missing: ['tax.idType', 'tax.n', 'tax.e', 'nothing'] },
      { missing: [['tax.z', 'nothing']] },
      { missing_some: [1, ['tax.idType', 'nothing']] },
      { missing_some: [2, ['tax.idType', 'nothing']] },
      { '+': [] },
      { '+': ['1', 2, '3.5'] },
      { '+': ['x'] },
      { '*': [] },
      { '*': ['3'] },
      { '*': ['3', '4'] },
      { '-': [5] },
      { '-': ['5', 2] },
      { '/': [1, 0] },
      { '%': [7, 3] },
      { min: [] },
      { max: [1, '5', 3] },
      { cat: ['a', null, 1, [1, 2]] },
      { substr: ['landao', 1, -2] },
      { substr: ['landao', -3] },
      { merge: [1, [2, 3], [[4]]] },
      { fen: [1.005] },
      { fen: ['12.34'] },
      { if: [] },
      { if: [false, 1] },
      { if: [false, 1, true, 2, 3] },
      { '?:': [true, 'a', 'b'] },
      { and: [] },
      { or: [] },
      { if: 'only' },
      { some: [{ var: 'employment' }, { '==': [{ var: 'inZone' }, true] }] },
      { all: [{ var: 'employment' }, { var: 'x' }] },
      { none: [{ var: 'employment' }, { '===': [{ var: 'x' }, 2] }] },
      { some: [{ var: 'nothing' }, true] },
      { all: [[], true] },
      { none: [[], true] },
      { filter: [{ var: 'employment' }, { var: 'inZone' }] },
      { map: [{ var: 'tax.arr' }, { '*': [{ var: '' }, 2] }] },
      { map: [{ var: 'tax.idType' }, 1] },
      { some: [{ var: 'employment' }] },
      { reduce: [{ var: 'tax.arr' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] },
      { 'not-an-operation': [1] },
      { 'a.b': [1] },
      { constructor: [1] },
      { one: 1, two: 2 },
      {},
      [1, { var: 'tax.idType' }, [{ '!': [true] }]],
      'plain',
      null,
    ];
    for (const r of rules) expectSame(r, DATA);
  });

  it('returns a value that is not an operation as the same reference, like the library', () => {
    const literal = { one: 1, two: 2 };
    expect(compileLogic(literal)({})).toBe(literal);
    expect(applyLogic(literal, {})).toBe(literal);
  });

  it('agrees with json-logic-js on 5,000 generated expressions', () => {
    let seed = 20261127;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
    const constants: unknown[] = [0, 1, -1, 2.5, 10, '', '0', '1', '10', 'abc', 'mtp', true, false, null, [], [0], ['mtp', 'x'], [1, '2']];
    const paths = ['tax.idType', 'tax.s', 'tax.z', 'tax.n', 'tax.e', 'tax.arr', 'tax.arr.0', 'tax.missing', 'employment', 'employment.0.x', 'params.rule', 'period.year', 'nothing', '', 'x', 'inZone'];
    const ops = ['==', '===', '!=', '!==', '>', '>=', '<', '<=', '!', '!!', 'and', 'or', 'if', '?:', 'in', 'cat', 'substr', '+', '-', '*', '/', '%', 'min', 'max', 'merge', 'missing', 'missing_some', 'fen'];
    const arrayOps = ['filter', 'map', 'all', 'none', 'some'];
    const gen = (depth: number): unknown => {
      const r = rnd(10);
      if (depth <= 0 || r < 2) return pick(constants);
      if (r < 5) {
        const shape = rnd(4);
        const p = pick(paths);
        return shape === 0 ? { var: p } : shape === 1 ? { var: [p, gen(depth - 1)] } : shape === 2 ? { var: [p] } : { var: gen(depth - 1) };
      }
      if (r === 5) return { [pick(arrayOps)]: [rnd(2) ? { var: pick(['employment', 'tax.arr', 'tax.s', 'nothing']) } : gen(depth - 1), gen(depth - 1)] };
      const op = pick(ops);
      const n = rnd(5);
      const args = Array.from({ length: n }, () => gen(depth - 1));
      return { [op]: n === 1 && rnd(2) ? args[0] : args };
    };
    const datas: unknown[] = [DATA, { x: 1, inZone: true }, null, [1, 2, 3]];
    for (let i = 0; i < 5_000; i++) expectSame(gen(4), datas[i % datas.length]);
  });
});
