import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../../../../test/helpers/errors.ts';
import { loadDefinitions, parseDefinition, type ProcessDefinition } from './definition.ts';
import { allowedActions, APPLICANT, expectAllowed, fold, type ActionRecord } from './engine.ts';

const defs = new Map(loadDefinitions().map((d) => [d.key, d]));
const def = (key: string) => defs.get(key)!;

/** A log built step by step: submit first, then [action, taskId, detail?]. */
function log(itemDepartment: string, steps: [string, string | null, Record<string, unknown>?][], form: Record<string, unknown> = {}): ActionRecord[] {
  const out: ActionRecord[] = [{ seq: 1, action: 'submit', taskId: null, at: '2026-03-02T01:00:00.000Z', detail: { form, itemDepartment } }];
  for (const [action, taskId, detail] of steps) out.push({ seq: out.length + 1, action, taskId, at: `2026-03-${String(2 + out.length).padStart(2, '0')}T02:00:00.000Z`, detail: detail ?? {} });
  return out;
}

const open = (d: ProcessDefinition, l: ActionRecord[]) =>
  Object.values(fold(d, l).tasks)
    .filter((t) => t.status === 'open')
    .map((t) => `${t.id}@${t.department}`)
    .sort();

const names = (d: ProcessDefinition, l: ActionRecord[], actor?: string) => allowedActions(d, fold(d, l), actor).map((a) => `${a.action}:${a.taskId ?? '-'}`);

describe('process definitions', () => {
  it('ships the standard process and the three one-thing processes, all valid', () => {
    expect([...defs.keys()].sort()).toEqual(['court-auction', 'ge-zhuan-qi', 'standard', 'zero-paper-real-estate']);
  });

  it('refuses a definition that leads to a node that does not exist, naming the node', () => {
    const bad = { key: 'bad', name: { 'zh-CN': '坏', 'zh-TW': '壞', en: 'Bad' }, start: 'a', nodes: { a: { type: 'join', next: 'nowhere' } } };
    expect(() => parseDefinition(bad)).toThrow(/nodes\.a: leads to unknown node "nowhere"/);
  });

  it('refuses a boundary timer that is not attached to a task', () => {
    const bad = {
      key: 'bad',
      name: { 'zh-CN': '坏', 'zh-TW': '壞', en: 'Bad' },
      start: 'e',
      nodes: { t: { type: 'timer', duration: { hours: 1 }, attachedTo: 'e' }, e: { type: 'end', outcome: 'approved' } },
    };
    expect(() => parseDefinition(bad)).toThrow(/attachedTo/);
  });
});

describe('the standard process', () => {
  const d = def('standard');

  it('opens acceptance at the item department and lets the applicant withdraw before acceptance', () => {
    const l = log('PT-XZSP', []);
    expect(fold(d, l).status).toBe('submitted');
    expect(open(d, l)).toEqual(['acceptance@PT-XZSP']);
    expect(names(d, l, 'PT-XZSP')).toEqual(['accept:acceptance', 'request_correction:acceptance', 'reject:acceptance', 'hand_over:acceptance']);
    expect(names(d, l, APPLICANT)).toEqual(['withdraw:-']);
    expect(fold(d, log('PT-XZSP', [['withdraw', null]])).outcome).toBe('withdrawn');
  });

  it('accepts, then approves: the case ends approved with both tasks done', () => {
    const l = log('PT-XZSP', [
      ['accept', 'acceptance'],
      ['approve', 'review'],
    ]);
    const s = fold(d, l);
    expect(s.status).toBe('approved');
    expect(s.acceptedAt).toBe(l[1]!.at);
    expect(s.closedAt).toBe(l[2]!.at);
    expect(Object.values(s.tasks).map((t) => `${t.id}:${t.status}:${t.completedBy}`)).toEqual(['acceptance:done:accept', 'review:done:approve']);
    expect(allowedActions(d, s)).toEqual([]);
  });

  it('no longer lets the applicant withdraw once accepted', () => {
    const l = log('PT-XZSP', [['accept', 'acceptance']]);
    expect(names(d, l, APPLICANT)).toEqual([]);
    const e = appErrorOf(() => expectAllowed(d, fold(d, l), 'withdraw', null, APPLICANT));
    expect(e.code).toBe('illegal_transition');
  });

  it('requests a correction once, listing everything missing; after the resubmission a second request is a 409', () => {
    const l1 = log('PT-XZSP', [['request_correction', 'acceptance', { missing: ['居住证明', '照片'] }]]);
    const s1 = fold(d, l1);
    expect(s1.status).toBe('awaiting_correction');
    expect(s1.missing).toEqual(['居住证明', '照片']);
    expect(names(d, l1, APPLICANT)).toEqual(['resubmit:acceptance', 'withdraw:-']);
    expect(names(d, l1, 'PT-XZSP')).toEqual([]);
    const l2 = log('PT-XZSP', [
      ['request_correction', 'acceptance', { missing: ['照片'] }],
      ['resubmit', 'acceptance', { form: { name: 'x' } }],
    ]);
    const s2 = fold(d, l2);
    expect(s2.status).toBe('submitted');
    expect(s2.data).toEqual({ name: 'x' });
    expect(names(d, l2, 'PT-XZSP')).toEqual(['accept:acceptance', 'reject:acceptance', 'hand_over:acceptance']);
    const e = appErrorOf(() => expectAllowed(d, s2, 'request_correction', 'acceptance', 'PT-XZSP'));
    expect(e.details).toMatchObject({ action: 'request_correction', state: 'submitted', allowedActions: ['accept', 'reject', 'hand_over'] });
  });

  it('hands a task over to another department, which then holds it', () => {
    const l = log('PT-XZSP', [['hand_over', 'acceptance', { toDepartment: 'PT-GA', reason: '属公安管辖' }]]);
    expect(open(d, l)).toEqual(['acceptance@PT-GA']);
    expect(names(d, l, 'PT-XZSP')).toEqual([]);
    expect(names(d, l, 'PT-GA')).toContain('accept:acceptance');
  });

  it('refuses an action of a task that is not open with the allowed actions', () => {
    const l = log('PT-XZSP', []);
    const e = appErrorOf(() => expectAllowed(d, fold(d, l), 'approve', 'review', 'PT-XZSP'));
    expect(e.status).toBe(409);
    expect((e.details as { allowedActions: string[] }).allowedActions).toEqual(['accept', 'request_correction', 'reject', 'hand_over']);
  });

  it('rejects at review and closes every open task', () => {
    const s = fold(d, log('PT-XZSP', [['accept', 'acceptance'], ['reject', 'review', { reason: '不符合条件' }]]));
    expect(s.outcome).toBe('rejected');
    expect(s.tasks.review!.status).toBe('done');
    expect(s.tokens).toEqual([]);
  });
});

describe('个转企 (ge-zhuan-qi)', () => {
  const d = def('ge-zhuan-qi');
  const registered: [string, string | null][] = [
    ['accept', 'scjg_acceptance'],
    ['register_change', 'scjg_change'],
  ];

  it('starts at market supervision and, after the change registration, forks into tax, social insurance and the bank notice', () => {
    expect(open(d, log('PT-SCJG', []))).toEqual(['scjg_acceptance@PT-SCJG']);
    expect(open(d, log('PT-SCJG', [['accept', 'scjg_acceptance']]))).toEqual(['scjg_change@PT-SCJG']);
    expect(open(d, log('PT-SCJG', registered))).toEqual(['bank_notice@PT-CZJR', 'shsy_transfer@PT-SHSY', 'sw_change@PT-SW']);
    expect(fold(d, log('PT-SCJG', registered)).status).toBe('in_progress');
  });

  it('waits at the join until all three branches are done, in any order', () => {
    const two = log('PT-SCJG', [...registered, ['complete', 'shsy_transfer'], ['notify', 'bank_notice']]);
    expect(open(d, two)).toEqual(['sw_change@PT-SW']);
    expect(fold(d, two).joins).toEqual({ join: 2 });
    expect(fold(d, two).outcome).toBeNull();
    const all = log('PT-SCJG', [...registered, ['complete', 'shsy_transfer'], ['notify', 'bank_notice'], ['complete', 'sw_change']]);
    expect(fold(d, all).outcome).toBe('approved');
    const other = log('PT-SCJG', [...registered, ['complete', 'sw_change'], ['complete', 'shsy_transfer'], ['notify', 'bank_notice']]);
    expect(fold(d, other).outcome).toBe('approved');
  });

  it('gives each department only its own branch', () => {
    const l = log('PT-SCJG', registered);
    expect(names(d, l, 'PT-SW')).toEqual(['complete:sw_change', 'hand_over:sw_change']);
    expect(names(d, l, 'PT-SHSY')).toEqual(['complete:shsy_transfer', 'hand_over:shsy_transfer']);
    expect(names(d, l, 'PT-SCJG')).toEqual([]);
  });

  it('ends rejected when market supervision refuses the change', () => {
    expect(fold(d, log('PT-SCJG', [['accept', 'scjg_acceptance'], ['reject', 'scjg_change', { reason: '字号冲突' }]])).outcome).toBe('rejected');
  });
});

describe('不动产登记零材料 (zero-paper-real-estate)', () => {
  const d = def('zero-paper-real-estate');

  it('runs tax confirmation and registry review in parallel, then the certificate', () => {
    const accepted = log('PT-BDC', [['accept', 'bdc_acceptance']]);
    expect(open(d, accepted)).toEqual(['bdc_review@PT-BDC', 'sw_confirm@PT-SW']);
    const reviewed = log('PT-BDC', [['accept', 'bdc_acceptance'], ['approve', 'bdc_review']]);
    expect(open(d, reviewed)).toEqual(['sw_confirm@PT-SW']);
    const joined = log('PT-BDC', [['accept', 'bdc_acceptance'], ['approve', 'bdc_review'], ['confirm', 'sw_confirm']]);
    expect(open(d, joined)).toEqual(['bdc_certificate@PT-BDC']);
    const done = log('PT-BDC', [['accept', 'bdc_acceptance'], ['confirm', 'sw_confirm'], ['approve', 'bdc_review'], ['issue_certificate', 'bdc_certificate']]);
    expect(fold(d, done).outcome).toBe('approved');
  });

  it('ends rejected when tax finds taxes unpaid, cancelling the registry review', () => {
    const s = fold(d, log('PT-BDC', [['accept', 'bdc_acceptance'], ['reject', 'sw_confirm', { reason: '契税未缴' }]]));
    expect(s.outcome).toBe('rejected');
    expect(s.tasks.bdc_review!.status).toBe('cancelled');
  });

  it('lists the data exchanges of acceptance: identity, marriage and tax paid', () => {
    const n = d.nodes.bdc_acceptance!;
    expect(n.type === 'task' && n.dataExchanges!.map((x) => x.department)).toEqual(['PT-GA', 'PT-SHSY', 'PT-SW']);
  });
});

describe('涉案房产 e拍即得 (court-auction)', () => {
  const d = def('court-auction');

  it('starts with the court sending its documents, then tax and the registry act in parallel, then the certificate', () => {
    expect(open(d, log('PT-FY', []))).toEqual(['fy_delivery@PT-FY']);
    const n = d.nodes.fy_delivery!;
    expect(n.type === 'task' && n.requiredDocuments!.map((x) => x.kind)).toEqual(['execution_ruling', 'assistance_notice']);
    const sent = log('PT-FY', [['send', 'fy_delivery']]);
    expect(open(d, sent)).toEqual(['bdc_transfer@PT-BDC', 'sw_tax@PT-SW']);
    const done = log('PT-FY', [['send', 'fy_delivery'], ['confirm', 'sw_tax'], ['approve', 'bdc_transfer'], ['issue_certificate', 'bdc_certificate']]);
    expect(fold(d, done).outcome).toBe('approved');
  });

  it('arms the escalation timer when the transfer registration opens and disarms it when the registry acts', () => {
    const sent = fold(d, log('PT-FY', [['send', 'fy_delivery']]));
    expect(sent.timers).toEqual([{ id: 'bdc_escalation', kind: 'boundary', duration: { workingDays: 5 }, armedAt: sent.tasks.bdc_transfer!.openedAt, armedSeq: 2 }]);
    expect(fold(d, log('PT-FY', [['send', 'fy_delivery'], ['approve', 'bdc_transfer']])).timers).toEqual([]);
  });

  it('marks the registry task escalated when the timer fires, and ignores a second firing', () => {
    const fired = log('PT-FY', [['send', 'fy_delivery'], ['timer_fired', null, { timerId: 'bdc_escalation' }]]);
    const s = fold(d, fired);
    expect(s.tasks.bdc_transfer!.escalated).toBe(true);
    expect(s.tasks.bdc_transfer!.status).toBe('open');
    expect(s.timers).toEqual([]);
    const twice = fold(d, [...fired, { seq: 4, action: 'timer_fired', taskId: null, at: '2026-03-20T00:00:00.000Z', detail: { timerId: 'bdc_escalation' } }]);
    expect(twice).toEqual(s);
  });
});

describe('timers, conditions and joins in a custom definition', () => {
  const d = parseDefinition({
    key: 'custom',
    name: { 'zh-CN': '测试', 'zh-TW': '測試', en: 'Test' },
    start: 'check',
    nodes: {
      check: { type: 'condition', test: { field: 'amount', op: 'gt', value: 100 }, then: 'wait', else: 'small' },
      wait: { type: 'timer', duration: { hours: 24 }, next: 'big' },
      big: { type: 'task', department: 'PT-SW', name: { 'zh-CN': '大额', 'zh-TW': '大額', en: 'Large' }, actions: { ok: { to: 'done' } } },
      small: { type: 'task', department: '$item', name: { 'zh-CN': '小额', 'zh-TW': '小額', en: 'Small' }, actions: { ok: { to: 'done' } } },
      done: { type: 'end', outcome: 'approved' },
    },
  });

  it('takes the else branch when the test fails', () => {
    expect(open(d, log('PT-XZSP', [], { amount: 50 }))).toEqual(['small@PT-XZSP']);
    expect(open(d, log('PT-XZSP', [], {}))).toEqual(['small@PT-XZSP']);
  });

  it('waits at a timer node until it fires, then moves on', () => {
    const waiting = fold(d, log('PT-XZSP', [], { amount: 500 }));
    expect(waiting.tokens).toEqual(['wait']);
    expect(waiting.timers.map((t) => t.kind)).toEqual(['wait']);
    const fired = log('PT-XZSP', [['timer_fired', null, { timerId: 'wait' }]], { amount: 500 });
    expect(open(d, fired)).toEqual(['big@PT-SW']);
  });

  it('evaluates eq, ne, in, lt and exists on dotted fields', () => {
    const check = parseDefinition({
      key: 'ops',
      name: { 'zh-CN': '测试', 'zh-TW': '測試', en: 'Test' },
      start: 'c1',
      nodes: {
        c1: { type: 'condition', test: { field: 'a.kind', op: 'in', value: ['x', 'y'] }, then: 'c2', else: 'no' },
        c2: { type: 'condition', test: { field: 'n', op: 'lt', value: 3 }, then: 'c3', else: 'no' },
        c3: { type: 'condition', test: { field: 'm', op: 'exists' }, then: 'c4', else: 'no' },
        c4: { type: 'condition', test: { field: 'k', op: 'ne', value: 'z' }, then: 'c5', else: 'no' },
        c5: { type: 'condition', test: { field: 'k', op: 'eq', value: 'q' }, then: 'yes', else: 'no' },
        yes: { type: 'end', outcome: 'approved' },
        no: { type: 'end', outcome: 'rejected' },
      },
    });
    expect(fold(check, log('X', [], { a: { kind: 'y' }, n: 2, m: 'v', k: 'q' })).outcome).toBe('approved');
    expect(fold(check, log('X', [], { a: { kind: 'z' }, n: 2, m: 'v', k: 'q' })).outcome).toBe('rejected');
    expect(fold(check, log('X', [], { a: { kind: 'y' }, n: 2, m: '', k: 'q' })).outcome).toBe('rejected');
  });
});

describe('every path of every shipped process', () => {
  /** Takes every allowed action in every reachable state (hand-over and withdrawal aside) until each path ends. */
  function explore(d: ProcessDefinition): { taken: Set<string>; outcomes: Set<string>; paths: number } {
    const taken = new Set<string>();
    const outcomes = new Set<string>();
    let paths = 0;
    const queue: ActionRecord[][] = [log('PT-XZSP', [])];
    while (queue.length > 0) {
      const l = queue.shift()!;
      const s = fold(d, l);
      if (s.outcome) {
        outcomes.add(s.outcome);
        paths += 1;
        expect(s.tokens).toEqual([]);
        expect(Object.values(s.tasks).every((t) => t.status === 'done' || t.status === 'cancelled')).toBe(true);
        continue;
      }
      const next = allowedActions(d, s).filter((a) => a.action !== 'hand_over' && a.action !== 'withdraw');
      expect(next.length, `a dead end after ${l.map((a) => a.action).join(' → ')}`).toBeGreaterThan(0);
      for (const a of next) {
        taken.add(`${a.taskId}.${a.action}`);
        const detail = a.action === 'request_correction' ? { missing: ['材料'] } : a.action === 'reject' ? { reason: '不符合条件' } : {};
        queue.push([...l, { seq: l.length + 1, action: a.action, taskId: a.taskId, at: `2026-04-01T00:00:${String(l.length).padStart(2, '0')}.000Z`, detail }]);
      }
      expect(queue.length).toBeLessThan(10_000);
    }
    return { taken, outcomes, paths };
  }

  for (const key of ['standard', 'ge-zhuan-qi', 'zero-paper-real-estate', 'court-auction']) {
    it(`${key}: every action of every task is reachable and every path ends approved or rejected`, () => {
      const d = def(key);
      const { taken, outcomes, paths } = explore(d);
      const declared = Object.entries(d.nodes).flatMap(([id, n]) => (n.type === 'task' ? Object.keys(n.actions).map((a) => `${id}.${a}`) : []));
      const corrections = Object.entries(d.nodes).flatMap(([id, n]) => (n.type === 'task' && Object.values(n.actions).some((a) => a.correction) ? [`${id}.resubmit`] : []));
      expect([...taken].sort()).toEqual([...declared, ...corrections].sort());
      expect([...outcomes].sort()).toEqual(['approved', 'rejected']);
      expect(paths).toBeGreaterThan(1);
    });
  }
});
