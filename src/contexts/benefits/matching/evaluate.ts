/**
 * One subject against one policy version, pure: the evaluation data built from the subject's current records
 * (a kind with a period: its newest record of that year; dated records: every one overlapping the period), each
 * eligibility clause's outcome, and — when all pass — the amount formula. The inputs name the batch and row of
 * every record used, so a result can be recomputed from them alone (`evaluateInputs`).
 */
import { kindSpec } from '../sources/kinds.ts';
import type { PolicyDocument } from '../policies/policy.model.ts';
import { compileLogic, type CompiledLogic } from '../policies/logic-compiler.ts';
import { evaluateCompiled, truthy } from '../policies/rules.ts';

export interface SourceRecord {
  kind: string;
  batchId: number;
  rowNo: number;
  orgId: number;
  year: number | null;
  maskedId: string;
  name: string;
  data: Record<string, unknown>;
}

export interface Period {
  year: number;
  from: string;
  to: string;
}

export function taxYearPeriod(year: number): Period {
  return { year, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The records used, by kind: one (or null) for a kind with a period, a list for dated records. */
export type Inputs = Record<string, SourceRecord | SourceRecord[] | null>;

/** Where each record used is stored: batch id + row no (records are never changed or deleted, only superseded). */
export interface RecordRef {
  batchId: number;
  rowNo: number;
}
export type InputRefs = Record<string, RecordRef | RecordRef[] | null>;

/** `"kind":` of each kind seen, JSON-quoted once. */
const quotedKinds = new Map<string, string>();

/** The inputs as references, in JSON (what a run result stores; the same text as JSON.stringify of the references). */
export function inputRefsJson(inputs: Inputs): string {
  const one = (r: SourceRecord) => `{"batchId":${r.batchId},"rowNo":${r.rowNo}}`;
  let out = '{';
  for (const kind in inputs) {
    const v = inputs[kind]!;
    let quoted = quotedKinds.get(kind);
    if (quoted === undefined) quotedKinds.set(kind, (quoted = `${JSON.stringify(kind)}:`));
    if (out.length > 1) out += ',';
    out += quoted;
    if (v === null) out += 'null';
    else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + one(v[i]!);
      out += ']';
    } else out += one(v);
  }
  return `${out}}`;
}

/** Rebuilds the inputs from their references and the records they name. */
export function inputsFromRefs(refs: InputRefs, records: SourceRecord[]): Inputs {
  const byRef = new Map(records.map((r) => [`${r.batchId}:${r.rowNo}`, r]));
  const get = (ref: RecordRef) => {
    const r = byRef.get(`${ref.batchId}:${ref.rowNo}`);
    if (!r) throw new Error(`record ${ref.batchId}:${ref.rowNo} is missing`);
    return r;
  };
  const out: Inputs = {};
  for (const [kind, v] of Object.entries(refs)) out[kind] = v === null ? null : Array.isArray(v) ? v.map(get) : get(v);
  return out;
}

/**
 * The figures a run result keeps: the amount and each calculation's top-level numbers and labels (for the IIT
 * subsidy: taxes, subsidy, rule and the policyVersion naming the digest of the tax tables used) without the
 * breakdown, which the payout keeps and `recompute` gives again from the recorded inputs.
 */
export function figuresSummary(figures: unknown): unknown {
  if (figures === null || typeof figures !== 'object') return figures;
  const f = figures as { amountFen?: unknown; calculations?: unknown[] };
  if (!Array.isArray(f.calculations)) return figures;
  return {
    amountFen: f.amountFen,
    calculations: f.calculations.map((c) => {
      if (c === null || typeof c !== 'object') return c;
      const top: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(c)) if (v === null || typeof v !== 'object') top[k] = v;
      return top;
    }),
  };
}

export interface ClauseOutcome {
  id: string;
  passed: boolean;
  error?: string;
}

/** `[{"id":…,"passed":…},…]` (what a run result stores: JSON.stringify of the clauses, with each clause's text built once). */
export function clausesJson(clauses: ClauseOutcome[]): string {
  let out = '[';
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    if (c.error !== undefined) return JSON.stringify(clauses);
    let texts = clauseTexts.get(c.id);
    if (texts === undefined) clauseTexts.set(c.id, (texts = [JSON.stringify({ id: c.id, passed: false }), JSON.stringify({ id: c.id, passed: true })]));
    out += (i ? ',' : '') + texts[c.passed ? 1 : 0];
  }
  return `${out}]`;
}
const clauseTexts = new Map<string, [string, string]>();

export interface SubjectOutcome {
  eligible: boolean;
  amountFen: number;
  clauses: ClauseOutcome[];
  figures: unknown;
}

/** Picks the records a policy evaluates from a subject's current records (newest batch first). */
export function selectInputs(doc: PolicyDocument, records: SourceRecord[], period: Period): Inputs {
  const inputs: Inputs = {};
  for (const kind of doc.sources) {
    const spec = kindSpec(kind)!;
    if (spec.period) {
      // The newest batch's record of the year (the lowest row no within it).
      let best: SourceRecord | null = null;
      for (const r of records) {
        if (r.kind !== kind || r.year !== period.year) continue;
        if (best === null || r.batchId > best.batchId || (r.batchId === best.batchId && r.rowNo < best.rowNo)) best = r;
      }
      inputs[kind] = best;
    } else {
      const [fromField, toField] = spec.range!;
      const overlapping: SourceRecord[] = [];
      for (const r of records) {
        if (r.kind !== kind) continue;
        const from = r.data[fromField] as string | null;
        const to = r.data[toField] as string | null;
        if ((from === null || from <= period.to) && (to === null || to >= period.from)) overlapping.push(r);
      }
      if (overlapping.length > 1) overlapping.sort((a, b) => a.batchId - b.batchId || a.rowNo - b.rowNo);
      inputs[kind] = overlapping;
    }
  }
  return inputs;
}

/** A policy document's rules compiled once (see logic-compiler.ts), kept as long as the document object lives. */
interface CompiledPolicy {
  eligibility: { id: string; rule: CompiledLogic }[];
  amount: CompiledLogic;
}
const compiledPolicies = new WeakMap<PolicyDocument, CompiledPolicy>();

export function compiledPolicy(doc: PolicyDocument): CompiledPolicy {
  let c = compiledPolicies.get(doc);
  if (!c) {
    c = { eligibility: doc.eligibility.map((e) => ({ id: e.id, rule: compileLogic(e.rule) })), amount: compileLogic(doc.amount.formula) };
    compiledPolicies.set(doc, c);
  }
  return c;
}

/** Evaluates the policy on recorded inputs; the same inputs always give the same outcome. */
export function evaluateInputs(doc: PolicyDocument, inputs: Inputs, subject: { kind: string; hasAccount: boolean }, period: Period): SubjectOutcome {
  const compiled = compiledPolicy(doc);
  const data: Record<string, unknown> = { subject, period, params: doc.parameters };
  for (const kind in inputs) {
    const v = inputs[kind]!;
    data[kind] = v === null ? null : Array.isArray(v) ? v.map((r) => r.data) : v.data;
  }
  const clauses: ClauseOutcome[] = [];
  let all = true;
  for (const c of compiled.eligibility) {
    try {
      const passed = truthy(c.rule(data));
      clauses.push({ id: c.id, passed });
      all &&= passed;
    } catch (e) {
      clauses.push({ id: c.id, passed: false, error: e instanceof Error ? e.message : String(e) });
      all = false;
    }
  }
  if (!all) return { eligible: false, amountFen: 0, clauses, figures: null };
  try {
    const { value, figures } = evaluateCompiled(compiled.amount, data);
    const amount = Number(value);
    if (!Number.isSafeInteger(amount)) {
      clauses.push({ id: 'amount', passed: false, error: `the amount formula gave ${JSON.stringify(value)}, not a whole number of fen` });
      return { eligible: false, amountFen: 0, clauses, figures: figures.length ? figures : null };
    }
    const positive = amount > 0;
    clauses.push({ id: 'amount', passed: positive });
    return { eligible: positive, amountFen: positive ? amount : 0, clauses, figures: { amountFen: amount, calculations: figures } };
  } catch (e) {
    clauses.push({ id: 'amount', passed: false, error: e instanceof Error ? e.message : String(e) });
    return { eligible: false, amountFen: 0, clauses, figures: null };
  }
}
