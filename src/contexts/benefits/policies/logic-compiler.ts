/**
 * JSON Logic compiled once into JavaScript closures (no eval, no code generation: a tree of functions), for a
 * matching run that evaluates the same policy for every subject — json-logic-js walks the rule tree again for every
 * subject (Object.keys per node, an array per operation, a `split` per variable).
 *
 * Exactly json-logic-js 2.0.5's semantics, operation by operation (logic.js is the reference; the equivalence tests
 * compare both on the shipped policies, adversarial rules and generated ones): an array evaluates each element; anything
 * that is not an object with exactly one key is returned as it is (the same reference); a non-array argument is one
 * argument; if/?:, and, or and the array operations evaluate lazily, every other operation evaluates all its arguments
 * first, left to right, then applies the library's code to them with the data as `this`. Truthiness is the library's
 * (`[]` is false). Operations this module does not compile (an unknown or dotted name, `reduce`, `log`) are evaluated by
 * the library itself at run time, so they behave — and fail — exactly as before.
 */
import { applyLogic, CUSTOM_OPERATIONS, truthy } from './rules.ts';

export type CompiledLogic = (data: unknown) => unknown;
type Op = (this: unknown, ...args: unknown[]) => unknown;
type Bag = Record<PropertyKey, unknown>;

/** json-logic-js's `var`: a dotted path into the data; the default (null if none) when a step is null/undefined or missing. */
function varOp(this: unknown, a?: unknown, b?: unknown): unknown {
  const notFound = b === undefined ? null : b;
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the library's var walks down from `this`, the data
  let data = this;
  if (typeof a === 'undefined' || a === '' || a === null) return data;
  const sub = String(a).split('.');
  for (let i = 0; i < sub.length; i++) {
    if (data === null || data === undefined) return notFound;
    data = (data as Bag)[sub[i]!];
    if (data === undefined) return notFound;
  }
  return data;
}

/* eslint-disable eqeqeq -- `==` and `!=` are JSON Logic's loose equality on purpose */
/** The library's operations (logic.js `operations`), same code. */
const OPERATIONS = new Map<string, Op>([
  ['==', (a, b) => a == b],
  ['===', (a, b) => a === b],
  ['!=', (a, b) => a != b],
  ['!==', (a, b) => a !== b],
  ['>', (a, b) => (a as number) > (b as number)],
  ['>=', (a, b) => (a as number) >= (b as number)],
  ['<', (a, b, c) => (c === undefined ? (a as number) < (b as number) : (a as number) < (b as number) && (b as number) < (c as number))],
  ['<=', (a, b, c) => (c === undefined ? (a as number) <= (b as number) : (a as number) <= (b as number) && (b as number) <= (c as number))],
  ['!!', (a) => truthy(a)],
  ['!', (a) => !truthy(a)],
  ['%', (a, b) => (a as number) % (b as number)],
  [
    'in',
    (a, b) => {
      if (!b || typeof (b as { indexOf?: unknown }).indexOf === 'undefined') return false;
      return (b as { indexOf(x: unknown): number }).indexOf(a) !== -1;
    },
  ],
  ['cat', (...args) => args.join('')],
  [
    'substr',
    (source, start, end) => {
      if ((end as number) < 0) {
        const temp = String(source).substr(start as number);
        return temp.substr(0, temp.length + (end as number));
      }
      return String(source).substr(start as number, end as number);
    },
  ],
  ['+', (...args) => args.reduce<number>((a, b) => parseFloat(a as unknown as string) + parseFloat(b as string), 0)],
  ['*', (...args) => args.reduce((a, b) => parseFloat(a as string) * parseFloat(b as string))],
  ['-', (a, b) => (b === undefined ? -(a as number) : (a as number) - (b as number))],
  ['/', (a, b) => (a as number) / (b as number)],
  ['min', (...args) => Math.min(...(args as number[]))],
  ['max', (...args) => Math.max(...(args as number[]))],
  ['merge', (...args) => args.reduce<unknown[]>((a, b) => a.concat(b), [])],
  ['var', varOp],
  [
    'missing',
    function (this: unknown, ...args: unknown[]) {
      const missing: unknown[] = [];
      const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
      for (const key of keys) {
        const value = applyLogic({ var: key }, this);
        if (value === null || value === '') missing.push(key);
      }
      return missing;
    },
  ],
  [
    'missing_some',
    function (this: unknown, needCount: unknown, options: unknown) {
      const areMissing = applyLogic({ missing: options }, this) as unknown[];
      return (options as unknown[]).length - areMissing.length >= (needCount as number) ? [] : areMissing;
    },
  ],
  ...CUSTOM_OPERATIONS,
]);

function isLogic(logic: unknown): logic is Bag {
  return typeof logic === 'object' && logic !== null && !Array.isArray(logic) && Object.keys(logic).length === 1;
}

const isConstant = (v: unknown) => v === null || typeof v !== 'object';

/** The expression as a function of the data; evaluating it gives what `jsonLogic.apply(logic, data)` gives (or throws what it throws). */
export function compileLogic(logic: unknown): CompiledLogic {
  if (Array.isArray(logic)) {
    const items = logic.map(compileLogic);
    return (data) => items.map((f) => f(data));
  }
  if (!isLogic(logic)) return () => logic;
  const op = Object.keys(logic)[0]!;
  const raw = logic[op];
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];

  if (op === 'if' || op === '?:') {
    const fs = values.map(compileLogic);
    return (data) => {
      let i: number;
      for (i = 0; i < fs.length - 1; i += 2) if (truthy(fs[i]!(data))) return fs[i + 1]!(data);
      if (fs.length === i + 1) return fs[i]!(data);
      return null;
    };
  }
  if (op === 'and' || op === 'or') {
    const fs = values.map(compileLogic);
    const stopOn = op === 'or';
    return (data) => {
      let current: unknown;
      for (const f of fs) {
        current = f(data);
        if (truthy(current) === stopOn) return current;
      }
      return current;
    };
  }
  if (op === 'filter' || op === 'map' || op === 'all' || op === 'none' || op === 'some') {
    const source = compileLogic(values[0]);
    const each = compileLogic(values[1]);
    switch (op) {
      case 'filter':
        return (data) => {
          const list = source(data);
          return Array.isArray(list) ? list.filter((d) => truthy(each(d))) : [];
        };
      case 'map':
        return (data) => {
          const list = source(data);
          return Array.isArray(list) ? list.map((d) => each(d)) : [];
        };
      case 'all':
        return (data) => {
          const list = source(data);
          if (!Array.isArray(list) || !list.length) return false;
          for (let i = 0; i < list.length; i++) if (!truthy(each(list[i]))) return false;
          return true;
        };
      case 'none':
        return (data) => {
          const list = source(data);
          if (!Array.isArray(list) || !list.length) return true;
          for (let i = 0; i < list.length; i++) if (truthy(each(list[i]))) return false;
          return true;
        };
      default:
        return (data) => {
          const list = source(data);
          if (!Array.isArray(list) || !list.length) return false;
          for (let i = 0; i < list.length; i++) if (truthy(each(list[i]))) return true;
          return false;
        };
    }
  }
  const impl = OPERATIONS.get(op);
  // Not compiled (unknown, dotted, reduce, log…): the library evaluates it, and fails, exactly as before.
  if (!impl) return (data) => applyLogic(logic, data);

  // A variable with a literal name (and literal default): the path split once.
  if (op === 'var' && values.length >= 1 && values.every(isConstant)) {
    const a = values[0];
    const notFound = values[1] === undefined ? null : values[1];
    if (typeof a === 'undefined' || a === '' || a === null) return (data) => data;
    const sub = String(a).split('.');
    if (sub.length === 1) {
      const k = sub[0]!;
      return (data) => {
        if (data === null || data === undefined) return notFound;
        const v = (data as Bag)[k];
        return v === undefined ? notFound : v;
      };
    }
    return (data) => {
      let d = data;
      for (let i = 0; i < sub.length; i++) {
        if (d === null || d === undefined) return notFound;
        d = (d as Bag)[sub[i]!];
        if (d === undefined) return notFound;
      }
      return d;
    };
  }

  const fs = values.map(compileLogic);
  if (fs.length === 1) {
    const [f0] = fs as [CompiledLogic];
    if (op === '!!') return (data) => truthy(f0(data));
    if (op === '!') return (data) => !truthy(f0(data));
    return (data) => impl.call(data, f0(data));
  }
  if (fs.length === 2) {
    const [f0, f1] = fs as [CompiledLogic, CompiledLogic];
    switch (op) {
      case '==':
        return (data) => f0(data) == f1(data);
      case '===':
        return (data) => f0(data) === f1(data);
      case '!=':
        return (data) => f0(data) != f1(data);
      case '!==':
        return (data) => f0(data) !== f1(data);
      case '>':
        return (data) => (f0(data) as number) > (f1(data) as number);
      case '>=':
        return (data) => (f0(data) as number) >= (f1(data) as number);
      case '<':
        return (data) => (f0(data) as number) < (f1(data) as number);
      case '<=':
        return (data) => (f0(data) as number) <= (f1(data) as number);
      default:
        return (data) => impl.call(data, f0(data), f1(data));
    }
  }
  return (data) => {
    const args = new Array<unknown>(fs.length);
    for (let i = 0; i < fs.length; i++) args[i] = fs[i]!(data);
    return impl.apply(data, args);
  };
}
/* eslint-enable eqeqeq */
