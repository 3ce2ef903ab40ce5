/**
 * Process definitions as versioned data (流程定义): the JSON files in `definitions/` are validated here
 * (zod for the shape, then the graph: every reference exists, boundary timers sit on tasks). The
 * engine (engine.ts) folds a case's action log over one definition version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';

const localized = z.object({ 'zh-CN': z.string().min(1), 'zh-TW': z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localized>;

const nodeId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'node id: lowercase letters, digits and _');

/** Working days by the calendar (from the China date the timer is armed), or plain hours. */
const duration = z.union([z.object({ workingDays: z.number().int().min(0).max(365) }).strict(), z.object({ hours: z.number().positive().max(24 * 365) }).strict()]);
export type Duration = z.infer<typeof duration>;

const taskAction = z
  .object({
    /** Where the token goes when the task is completed with this action. */
    to: nodeId.optional(),
    /** The action accepts the application (受理): withdrawal ends, the deadline starts. */
    accepts: z.boolean().optional(),
    /** The action asks the applicant for a correction (补正, once per case, listing everything missing). */
    correction: z.boolean().optional(),
    requiresReason: z.boolean().optional(),
    name: localized.optional(),
  })
  .strict()
  .refine((a) => (a.correction ? a.to === undefined : a.to !== undefined), 'an action either leads somewhere (to) or is a correction request');

/** Data a task pulls from another department instead of asking the applicant to upload it. */
const dataExchange = z.object({ department: z.string().min(1), dataset: z.string().min(1).optional(), data: localized }).strict();

const taskNode = z
  .object({
    type: z.literal('task'),
    /** Org code of the department holding the task, or `$item` for the item's own department. */
    department: z.string().min(1),
    name: localized,
    actions: z.record(z.string().regex(/^[a-z][a-z_]{0,39}$/), taskAction),
    /** Attachment kinds that must be on the case before the task's completing actions. */
    requiredDocuments: z.array(z.object({ kind: z.string().regex(/^[a-z][a-z_]{0,39}$/), name: localized }).strict()).optional(),
    dataExchanges: z.array(dataExchange).optional(),
  })
  .strict();
const parallelNode = z.object({ type: z.literal('parallel'), branches: z.array(nodeId).min(2), name: localized.optional() }).strict();
const joinNode = z.object({ type: z.literal('join'), next: nodeId, name: localized.optional() }).strict();
const timerNode = z
  .object({
    type: z.literal('timer'),
    duration,
    /** Waiting timer: the token waits here and moves on to `next` when it fires. */
    next: nodeId.optional(),
    /** Boundary timer: armed while that task is open, disarmed when it closes; firing marks the task. */
    attachedTo: nodeId.optional(),
    effect: z.enum(['remind', 'escalate']).optional(),
    name: localized.optional(),
  })
  .strict()
  .refine((t) => (t.next === undefined) !== (t.attachedTo === undefined), 'a timer has either next (waiting) or attachedTo (boundary)');
const conditionNode = z
  .object({
    type: z.literal('condition'),
    test: z.object({ field: z.string().min(1), op: z.enum(['eq', 'ne', 'in', 'gt', 'lt', 'exists']), value: z.unknown().optional() }).strict(),
    then: nodeId,
    else: nodeId,
    name: localized.optional(),
  })
  .strict();
const endNode = z.object({ type: z.literal('end'), outcome: z.enum(['approved', 'rejected', 'withdrawn']), name: localized.optional() }).strict();
const node = z.union([taskNode, parallelNode, joinNode, timerNode, conditionNode, endNode]);

export const ProcessDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
    name: localized,
    description: localized.optional(),
    start: nodeId,
    nodes: z.record(nodeId, node),
  })
  .strict();

export type ProcessDefinition = z.infer<typeof ProcessDefinitionSchema>;
export type ProcessNode = ProcessDefinition['nodes'][string];
export type TaskNode = z.infer<typeof taskNode>;
export type TimerNode = z.infer<typeof timerNode>;
export type Outcome = z.infer<typeof endNode>['outcome'];

/** Every node a node can lead to. */
export function successors(n: ProcessNode): string[] {
  switch (n.type) {
    case 'task':
      return Object.values(n.actions).flatMap((a) => (a.to ? [a.to] : []));
    case 'parallel':
      return n.branches;
    case 'join':
      return [n.next];
    case 'timer':
      return n.next ? [n.next] : [];
    case 'condition':
      return [n.then, n.else];
    case 'end':
      return [];
  }
}

/** How many edges lead into each join (a join waits for that many tokens). */
export function joinInputs(def: ProcessDefinition): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of Object.values(def.nodes))
    for (const to of new Set(successors(n))) if (def.nodes[to]?.type === 'join') out.set(to, (out.get(to) ?? 0) + 1);
  return out;
}

/** Parses and checks a definition; AppError `validation_failed` naming the node otherwise. */
export function parseDefinition(data: unknown, label = 'process definition'): ProcessDefinition {
  const r = ProcessDefinitionSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new AppError('validation_failed', `${label}: ${i.path.join('.')}: ${i.message}`, { field: i.path.join('.') });
  }
  const def = r.data;
  const bad = (where: string, why: string) => new AppError('validation_failed', `${label}: ${where}: ${why}`, { field: where });
  if (!def.nodes[def.start]) throw bad('start', `no node "${def.start}"`);
  for (const [id, n] of Object.entries(def.nodes)) {
    for (const to of successors(n)) if (!def.nodes[to]) throw bad(`nodes.${id}`, `leads to unknown node "${to}"`);
    if (n.type === 'timer' && n.attachedTo && def.nodes[n.attachedTo]?.type !== 'task') throw bad(`nodes.${id}.attachedTo`, `"${n.attachedTo}" is not a task`);
    if (n.type === 'task' && Object.keys(n.actions).length === 0) throw bad(`nodes.${id}.actions`, 'a task accepts at least one action');
  }
  return def;
}

export const DEFINITIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'definitions');

/** The shipped definitions (`definitions/<key>.json`), validated; a file whose key differs from its name is refused. */
export function loadDefinitions(dir: string = DEFINITIONS_DIR): ProcessDefinition[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const def = parseDefinition(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f);
      if (`${def.key}.json` !== f) throw new AppError('validation_failed', `${f}: key "${def.key}" does not match the file name`, { field: 'key' });
      return def;
    });
}
