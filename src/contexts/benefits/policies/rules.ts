/**
 * The rule language of benefit policies: JSON Logic (json-logic-js, no eval) on a private instance of the library
 * with two operations of ours:
 *
 *   {"iit_subsidy": ["year", <expr>, "wagesCny", <expr>, …]}  the tax part's computeSubsidy over the named inputs
 *                                                             (a null value leaves the input out); → subsidy in fen,
 *                                                             the calculator's result is kept as the figures
 *   {"fen": <yuan>}                                           yuan → integer fen (rounded half away from zero)
 *
 * `validateLogic` accepts only known operations and only variables that exist in the evaluation data of the
 * policy's source kinds: `<kind>.<field>` for a kind with a period (its newest record), `<kind>` for a kind of
 * dated records (a list, iterated with some/all/none/filter/map whose inner variables are the record's fields),
 * `subject.kind|hasAccount`, `period.year|from|to`, `params.<name>`.
 */
import { createRequire } from 'node:module';
import type * as JsonLogicModule from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';
import { AppError } from '../../../kernel/errors.ts';
import { kindSpec } from '../sources/kinds.ts';
import { computeSubsidy, type SubsidyInput } from '../tax/index.ts';

type JsonLogic = typeof JsonLogicModule;

/** A private copy of json-logic-js: our operations never leak into another user of the library. */
function privateJsonLogic(): JsonLogic {
  const require = createRequire(import.meta.url);
  const id = require.resolve('json-logic-js');
  const cached = require.cache[id];
  delete require.cache[id];
  try {
    return require(id) as JsonLogic;
  } finally {
    if (cached) require.cache[id] = cached;
    else delete require.cache[id];
  }
}

const jsonLogic = privateJsonLogic();

/** Calculator results of the evaluation in progress (evaluation is synchronous). */
let figuresSink: unknown[] | null = null;

/** The inputs iit_subsidy accepts, by name → how to read the value. */
const SUBSIDY_INPUTS: Record<string, 'number' | 'string' | 'boolean'> = {
  year: 'number',
  wagesCny: 'number',
  otherIncomeCny: 'number',
  businessIncomeCny: 'number',
  mainlandTaxPaidCny: 'number',
  businessTaxPaidCny: 'number',
  fxTwdPerCny: 'number',
  rule: 'string',
  sharePercent: 'number',
  residenceDays: 'number',
  specialDeductionsCny: 'number',
  specialAdditionalDeductionsCny: 'number',
  otherDeductionsCny: 'number',
  filingStatus: 'string',
  age70OrOver: 'boolean',
  dependants: 'number',
};
const TAIWAN_INPUTS = new Set(['filingStatus', 'age70OrOver', 'dependants']);

function iitSubsidy(...args: unknown[]): number {
  const input: Record<string, unknown> = {};
  const taiwan: Record<string, unknown> = {};
  for (let i = 0; i + 1 < args.length; i += 2) {
    const name = String(args[i]);
    const value = args[i + 1];
    if (value === null || value === undefined) continue;
    if (TAIWAN_INPUTS.has(name)) taiwan[name] = value;
    else input[name] = value;
  }
  if (Object.keys(taiwan).length) input.taiwan = taiwan;
  const result = computeSubsidy(input as unknown as SubsidyInput);
  figuresSink?.push(result);
  return Math.round(result.subsidyCny * 100);
}
const fen = (yuan: unknown): number => Math.round(Number(yuan) * 100);
jsonLogic.add_operation('iit_subsidy', iitSubsidy);
jsonLogic.add_operation('fen', fen);

/** Our operations, for the compiler (logic-compiler.ts), which calls them exactly as the library does. */
export const CUSTOM_OPERATIONS: ReadonlyMap<string, (...args: unknown[]) => unknown> = new Map<string, (...args: unknown[]) => unknown>([
  ['iit_subsidy', iitSubsidy],
  ['fen', fen],
]);

/** The library's own evaluation (the reference the compiler is tested against, and its fallback for operations it does not compile). */
export function applyLogic(logic: unknown, data: unknown): unknown {
  return jsonLogic.apply(logic as RulesLogic, data);
}

export const KNOWN_OPERATIONS = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=',
  'max', 'min', '+', '-', '*', '/', '%', 'in', 'cat', 'substr', 'merge', 'filter', 'map', 'all', 'none', 'some',
  'iit_subsidy', 'fen',
]);
const ARRAY_OPERATIONS = new Set(['filter', 'map', 'all', 'none', 'some']);

export interface RuleError {
  path: string;
  reason: 'unknown_operation' | 'unknown_variable' | 'not_an_operation' | 'bad_arguments';
  message: string;
}

export interface LogicScope {
  /** Source kinds the policy requires. */
  kinds: string[];
  /** Names of the policy's parameters. */
  params: string[];
}

type Names = { item: Set<string> | null };

function varName(args: unknown): unknown {
  return Array.isArray(args) ? args[0] : args;
}

function checkVar(name: unknown, scope: LogicScope, inItem: Set<string> | null): string | null {
  if (typeof name === 'number') return inItem ? null : 'a numeric variable is only meaningful inside an array operation';
  if (typeof name !== 'string') return 'a variable name must be a literal string';
  if (inItem) return name === '' || inItem.has(name) ? null : `"${name}" is not a field of the records iterated here`;
  const [head, field, ...rest] = name.split('.');
  if (rest.length) return `"${name}" is nested too deep`;
  if (head === 'params') return field !== undefined && scope.params.includes(field) ? null : `"${name}" is not a parameter of the policy`;
  if (head === 'period') return field === 'year' || field === 'from' || field === 'to' ? null : `"${name}" is not period.year, period.from or period.to`;
  if (head === 'subject') return field === 'kind' || field === 'hasAccount' ? null : `"${name}" is not subject.kind or subject.hasAccount`;
  if (!head || !scope.kinds.includes(head)) return `"${name}" names no source kind of the policy (${scope.kinds.join(', ')})`;
  const spec = kindSpec(head)!;
  if (!spec.period) return field === undefined ? null : `"${head}" is a list of dated records: iterate it with some/all/none/filter/map`;
  if (field === undefined) return null;
  return spec.fields.some((f) => f.name === field) ? null : `"${field}" is not a field of ${head} (${spec.fields.map((f) => f.name).join(', ')})`;
}

/** Every problem of a JSON Logic expression, each with the path (e.g. `eligibility[2].rule.and[0].var`). */
export function validateLogic(node: unknown, path: string, scope: LogicScope, names: Names = { item: null }): RuleError[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((n, i) => validateLogic(n, `${path}[${i}]`, scope, names));
  const keys = Object.keys(node);
  if (keys.length !== 1) return [{ path, reason: 'not_an_operation', message: `${path}: an operation is an object with exactly one operator (found ${keys.length} keys)` }];
  const op = keys[0]!;
  const args = (node as Record<string, unknown>)[op];
  const at = `${path}.${op}`;
  if (!KNOWN_OPERATIONS.has(op)) return [{ path: at, reason: 'unknown_operation', message: `${at}: unknown operation "${op}"` }];
  if (op === 'var') {
    const problem = checkVar(varName(args), scope, names.item);
    const errors: RuleError[] = problem ? [{ path: at, reason: 'unknown_variable', message: `${at}: ${problem}` }] : [];
    if (Array.isArray(args) && args.length > 1) errors.push(...validateLogic(args.slice(1), `${at}`, scope, names));
    return errors;
  }
  const list = Array.isArray(args) ? args : [args];
  if (ARRAY_OPERATIONS.has(op)) {
    if (list.length !== 2) return [{ path: at, reason: 'bad_arguments', message: `${at}: takes [list, expression]` }];
    const errors = validateLogic(list[0], `${at}[0]`, scope, names);
    const source = list[0] as Record<string, unknown> | null;
    const iterated = source && typeof source === 'object' && !Array.isArray(source) && 'var' in source ? varName(source.var) : undefined;
    const spec = typeof iterated === 'string' && scope.kinds.includes(iterated) ? kindSpec(iterated) : undefined;
    if (!spec || spec.period) return [...errors, { path: `${at}[0]`, reason: 'bad_arguments', message: `${at}[0]: iterate a source kind of dated records, e.g. {"var": "employment"}` }];
    return [...errors, ...validateLogic(list[1], `${at}[1]`, scope, { item: new Set(spec.fields.map((f) => f.name)) })];
  }
  if (op === 'iit_subsidy') {
    const errors: RuleError[] = [];
    if (list.length % 2 !== 0) errors.push({ path: at, reason: 'bad_arguments', message: `${at}: takes name, value pairs` });
    for (let i = 0; i < list.length; i += 2) {
      const name = list[i];
      if (typeof name !== 'string' || !Object.hasOwn(SUBSIDY_INPUTS, name)) {
        errors.push({ path: `${at}[${i}]`, reason: 'bad_arguments', message: `${at}[${i}]: not an input of the subsidy calculator (${Object.keys(SUBSIDY_INPUTS).join(', ')})` });
      }
      errors.push(...validateLogic(list[i + 1], `${at}[${i + 1}]`, scope, names));
    }
    for (const need of ['year', 'wagesCny', 'mainlandTaxPaidCny']) if (!list.some((x, i) => i % 2 === 0 && x === need)) errors.push({ path: at, reason: 'bad_arguments', message: `${at}: the input ${need} is required` });
    return errors;
  }
  return list.flatMap((n, i) => validateLogic(n, Array.isArray(args) ? `${at}[${i}]` : at, scope, names));
}

/** Evaluates an expression; the results of calculator operations are returned as `figures`. */
export function evaluate(logic: unknown, data: unknown): { value: unknown; figures: unknown[] } {
  const figures: unknown[] = [];
  figuresSink = figures;
  try {
    return { value: jsonLogic.apply(logic as RulesLogic, data), figures };
  } finally {
    figuresSink = null;
  }
}

/** `evaluate` for an expression compiled by `compileLogic` (same value, same figures). */
export function evaluateCompiled(fn: (data: unknown) => unknown, data: unknown): { value: unknown; figures: unknown[] } {
  const figures: unknown[] = [];
  figuresSink = figures;
  try {
    return { value: fn(data), figures };
  } finally {
    figuresSink = null;
  }
}

export function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

/** 400 naming every path, as policy saves and validation answer. */
export function ruleErrors(errors: RuleError[]): AppError {
  return new AppError('validation_failed', errors.map((e) => e.message).slice(0, 5).join('; '), errors);
}
