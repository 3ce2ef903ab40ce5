/**
 * The workflow engine, pure: `fold(definition, actions)` replays a case's append-only action log
 * over its process definition (tokens move through tasks, parallel forks, joins, timers, conditions
 * and ends) and `allowedActions(state, actor)` says what may happen next. No database, no clock:
 * the service stores the log and a projection of the state, and arms the timers this returns.
 *
 * Log vocabulary: `submit` (first action: form + the item's department), a task's own actions
 * (accept, request_correction, approve, reject, …, as its definition lists them), `hand_over` on any
 * open task, `resubmit` (applicant, after a correction request), `withdraw` (applicant, before
 * acceptance) and `timer_fired` (system).
 */
import { illegalTransition } from '../../../kernel/errors.ts';
import { joinInputs, type Duration, type LocalizedText, type Outcome, type ProcessDefinition, type TaskNode } from './definition.ts';

export const ITEM_DEPARTMENT = '$item';

export interface ActionRecord {
  seq: number;
  action: string;
  /** The task (node id) acted on, null for case-level actions (submit, withdraw, timer_fired). */
  taskId: string | null;
  at: string;
  detail: Record<string, unknown>;
}

export type TaskStatus = 'open' | 'awaiting_applicant' | 'done' | 'cancelled';

export interface TaskState {
  id: string;
  name: LocalizedText;
  /** Org code of the department holding it (after any hand-over). */
  department: string;
  assigneeUserId: number | null;
  status: TaskStatus;
  openedAt: string;
  closedAt: string | null;
  /** The action that completed it. */
  completedBy: string | null;
  escalated: boolean;
  reminded: boolean;
}

export interface PendingTimer {
  /** The timer node's id. */
  id: string;
  kind: 'wait' | 'boundary';
  duration: Duration;
  armedAt: string;
  /** Seq of the action that armed it: a timer re-armed later is another timer. */
  armedSeq: number;
}

export type CaseStatus = 'submitted' | 'awaiting_correction' | 'in_progress' | 'approved' | 'rejected' | 'withdrawn';

export interface ProcessState {
  status: CaseStatus;
  outcome: Outcome | null;
  itemDepartment: string;
  data: Record<string, unknown>;
  submittedAt: string | null;
  accepted: boolean;
  acceptedAt: string | null;
  closedAt: string | null;
  correctionRequested: boolean;
  /** What the correction request listed (一次性告知), until the applicant resubmits. */
  missing: string[];
  tasks: Record<string, TaskState>;
  /** Node ids holding a token (open tasks, waiting timers). */
  tokens: string[];
  /** Tokens arrived at each join so far. */
  joins: Record<string, number>;
  timers: PendingTimer[];
}

export interface AllowedAction {
  action: string;
  taskId: string | null;
  /** Org code of the department that may take it, or 'applicant'. */
  by: string;
}

export const APPLICANT = 'applicant';
export const CLOSED_STATUSES: readonly CaseStatus[] = ['approved', 'rejected', 'withdrawn'];

function initial(): ProcessState {
  return {
    status: 'submitted',
    outcome: null,
    itemDepartment: '',
    data: {},
    submittedAt: null,
    accepted: false,
    acceptedAt: null,
    closedAt: null,
    correctionRequested: false,
    missing: [],
    tasks: {},
    tokens: [],
    joins: {},
    timers: [],
  };
}

/** The declarative test of a condition node on the case data (a dotted field path). */
export function testCondition(data: Record<string, unknown>, test: { field: string; op: string; value?: unknown }): boolean {
  let v: unknown = data;
  for (const part of test.field.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  switch (test.op) {
    case 'exists':
      return v !== undefined && v !== null && v !== '';
    case 'eq':
      return v === test.value;
    case 'ne':
      return v !== test.value;
    case 'in':
      return Array.isArray(test.value) && test.value.includes(v);
    case 'gt':
      return typeof v === 'number' && typeof test.value === 'number' ? v > test.value : typeof v === 'string' && typeof test.value === 'string' && v > test.value;
    case 'lt':
      return typeof v === 'number' && typeof test.value === 'number' ? v < test.value : typeof v === 'string' && typeof test.value === 'string' && v < test.value;
    default:
      return false;
  }
}

class Runner {
  private readonly inputs: Map<string, number>;
  constructor(
    private readonly def: ProcessDefinition,
    readonly s: ProcessState,
  ) {
    this.inputs = joinInputs(def);
  }

  private removeToken(node: string): void {
    const i = this.s.tokens.indexOf(node);
    if (i >= 0) this.s.tokens.splice(i, 1);
  }

  /** A token arrives at `id`. */
  advance(id: string, at: string, seq: number): void {
    if (this.s.outcome) return;
    const n = this.def.nodes[id]!;
    switch (n.type) {
      case 'task': {
        this.s.tasks[id] = {
          id,
          name: n.name,
          department: n.department === ITEM_DEPARTMENT ? this.s.itemDepartment : n.department,
          assigneeUserId: null,
          status: 'open',
          openedAt: at,
          closedAt: null,
          completedBy: null,
          escalated: false,
          reminded: false,
        };
        this.s.tokens.push(id);
        for (const [tid, t] of Object.entries(this.def.nodes))
          if (t.type === 'timer' && t.attachedTo === id) this.s.timers.push({ id: tid, kind: 'boundary', duration: t.duration, armedAt: at, armedSeq: seq });
        return;
      }
      case 'parallel':
        for (const b of n.branches) this.advance(b, at, seq);
        return;
      case 'join': {
        const arrived = (this.s.joins[id] ?? 0) + 1;
        if (arrived >= (this.inputs.get(id) ?? 1)) {
          delete this.s.joins[id];
          this.advance(n.next, at, seq);
        } else this.s.joins[id] = arrived;
        return;
      }
      case 'timer':
        // Only waiting timers are reached by a token; boundary timers arm with their task.
        this.s.tokens.push(id);
        this.s.timers.push({ id, kind: 'wait', duration: n.duration, armedAt: at, armedSeq: seq });
        return;
      case 'condition':
        this.advance(testCondition(this.s.data, n.test) ? n.then : n.else, at, seq);
        return;
      case 'end':
        this.finish(n.outcome, at);
        return;
    }
  }

  finish(outcome: Outcome, at: string): void {
    if (this.s.outcome) return;
    this.s.outcome = outcome;
    this.s.closedAt = at;
    for (const t of Object.values(this.s.tasks))
      if (t.status === 'open' || t.status === 'awaiting_applicant') {
        t.status = 'cancelled';
        t.closedAt = at;
      }
    this.s.tokens = [];
    this.s.joins = {};
    this.s.timers = [];
  }

  completeTask(task: TaskState, action: string, a: ActionRecord): void {
    const node = this.def.nodes[task.id] as TaskNode;
    const spec = node.actions[action];
    if (!spec) return;
    if (spec.correction) {
      task.status = 'awaiting_applicant';
      this.s.correctionRequested = true;
      this.s.missing = Array.isArray(a.detail.missing) ? a.detail.missing.map(String) : [];
      return;
    }
    task.status = 'done';
    task.closedAt = a.at;
    task.completedBy = action;
    this.removeToken(task.id);
    this.s.timers = this.s.timers.filter((t) => !(t.kind === 'boundary' && (this.def.nodes[t.id] as { attachedTo?: string }).attachedTo === task.id));
    if (spec.accepts && !this.s.accepted) {
      this.s.accepted = true;
      this.s.acceptedAt = a.at;
    }
    if (spec.to) this.advance(spec.to, a.at, a.seq);
  }

  apply(a: ActionRecord): void {
    const s = this.s;
    if (s.outcome) return;
    const task = a.taskId ? s.tasks[a.taskId] : undefined;
    switch (a.action) {
      case 'submit':
        s.itemDepartment = typeof a.detail.itemDepartment === 'string' ? a.detail.itemDepartment : '';
        s.data = isRecord(a.detail.form) ? a.detail.form : {};
        s.submittedAt = a.at;
        this.advance(this.def.start, a.at, a.seq);
        return;
      case 'withdraw':
        this.finish('withdrawn', a.at);
        return;
      case 'resubmit':
        if (task) task.status = 'open';
        if (isRecord(a.detail.form)) s.data = a.detail.form;
        s.missing = [];
        return;
      case 'hand_over':
        if (!task) return;
        if (typeof a.detail.toDepartment === 'string') task.department = a.detail.toDepartment;
        task.assigneeUserId = typeof a.detail.toUserId === 'number' ? a.detail.toUserId : null;
        return;
      case 'timer_fired': {
        const i = s.timers.findIndex((t) => t.id === a.detail.timerId);
        if (i < 0) return;
        const [timer] = s.timers.splice(i, 1);
        const n = this.def.nodes[timer!.id]!;
        if (n.type !== 'timer') return;
        if (n.attachedTo) {
          const t = s.tasks[n.attachedTo];
          if (t) {
            if (n.effect === 'remind') t.reminded = true;
            else t.escalated = true;
          }
        } else if (n.next) {
          this.removeToken(timer!.id);
          this.advance(n.next, a.at, a.seq);
        }
        return;
      }
      default:
        if (task) this.completeTask(task, a.action, a);
    }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function statusOf(s: ProcessState): CaseStatus {
  if (s.outcome) return s.outcome;
  if (Object.values(s.tasks).some((t) => t.status === 'awaiting_applicant')) return 'awaiting_correction';
  return s.accepted ? 'in_progress' : 'submitted';
}

/** Replays the action log over the definition the case started with. */
export function fold(def: ProcessDefinition, actions: readonly ActionRecord[]): ProcessState {
  const runner = new Runner(def, initial());
  for (const a of actions) runner.apply(a);
  runner.s.status = statusOf(runner.s);
  return runner.s;
}

/**
 * What may happen next, for everyone or for one actor: a department's org code (its open tasks) or
 * `applicant` (resubmit after a correction request, withdraw before acceptance).
 */
export function allowedActions(def: ProcessDefinition, s: ProcessState, actor?: string): AllowedAction[] {
  if (s.outcome) return [];
  const out: AllowedAction[] = [];
  for (const t of Object.values(s.tasks)) {
    if (t.status === 'open') {
      const node = def.nodes[t.id] as TaskNode;
      for (const [action, spec] of Object.entries(node.actions)) {
        // One correction request per case, listing everything missing (一次性告知).
        if (spec.correction && s.correctionRequested) continue;
        out.push({ action, taskId: t.id, by: t.department });
      }
      out.push({ action: 'hand_over', taskId: t.id, by: t.department });
    } else if (t.status === 'awaiting_applicant') out.push({ action: 'resubmit', taskId: t.id, by: APPLICANT });
  }
  if (!s.accepted) out.push({ action: 'withdraw', taskId: null, by: APPLICANT });
  return actor === undefined ? out : out.filter((a) => a.by === actor);
}

/** Throws the 409 (`illegal_transition` with the actor's allowed actions) unless the action is allowed. */
export function expectAllowed(def: ProcessDefinition, s: ProcessState, action: string, taskId: string | null, actor?: string): void {
  const allowed = allowedActions(def, s, actor);
  if (!allowed.some((a) => a.action === action && a.taskId === taskId)) {
    throw illegalTransition(action, s.status, [...new Set(allowed.map((a) => a.action))]);
  }
}

/** The task an action addresses: the given one, or the only open task allowing it. */
export function resolveTask(def: ProcessDefinition, s: ProcessState, action: string, taskId: string | null | undefined, actor?: string): string | null {
  if (taskId) return taskId;
  const candidates = allowedActions(def, s, actor).filter((a) => a.action === action);
  return candidates.length === 1 ? candidates[0]!.taskId : null;
}

/** The action spec of a task's own action, if it is one. */
export function taskActionSpec(def: ProcessDefinition, taskId: string, action: string): TaskNode['actions'][string] | undefined {
  const n = def.nodes[taskId];
  return n?.type === 'task' ? n.actions[action] : undefined;
}
