/**
 * 好差评 (GB/T 39734-2020, 国办发〔2019〕51号): five levels, the five online indicators, and the
 * follow-up (整改) a bad rating opens, as a small workflow folded from its action log.
 */
import { z } from 'zod';
import { illegalTransition } from '../../../kernel/errors.ts';
import type { LocalizedText } from '../notifications/templates.ts';

export const RATING_LEVELS: Record<1 | 2 | 3 | 4 | 5, LocalizedText> = {
  5: { 'zh-CN': '非常满意', 'zh-TW': '非常滿意', en: 'Very satisfied' },
  4: { 'zh-CN': '满意', 'zh-TW': '滿意', en: 'Satisfied' },
  3: { 'zh-CN': '基本满意', 'zh-TW': '基本滿意', en: 'Fairly satisfied' },
  2: { 'zh-CN': '不满意', 'zh-TW': '不滿意', en: 'Dissatisfied' },
  1: { 'zh-CN': '非常不满意', 'zh-TW': '非常不滿意', en: 'Very dissatisfied' },
};

/** 好评 = 4–5, 中评 = 3, 差评 = 1–2. */
export const GOOD_LEVEL = 4;
export const BAD_LEVEL = 2;

/** The online indicators (网上评价指标). */
export const INDICATORS = ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability'] as const;
export type Indicator = (typeof INDICATORS)[number];
export const INDICATOR_NAMES: Record<Indicator, LocalizedText> = {
  overall: { 'zh-CN': '整体满意度', 'zh-TW': '整體滿意度', en: 'Overall satisfaction' },
  efficiency: { 'zh-CN': '办事效率', 'zh-TW': '辦事效率', en: 'Efficiency' },
  guideAccuracy: { 'zh-CN': '办事指南精确度', 'zh-TW': '辦事指南精確度', en: 'Accuracy of the service guide' },
  convenience: { 'zh-CN': '办事便捷度', 'zh-TW': '辦事便捷度', en: 'Convenience' },
  usability: { 'zh-CN': '平台操作性', 'zh-TW': '平臺操作性', en: 'Ease of use of the platform' },
};

const score = z.number().int().min(1).max(5);

export const RatingInputSchema = z.object({
  level: score,
  indicators: z.object({ overall: score, efficiency: score, guideAccuracy: score, convenience: score, usability: score }),
  comment: z.string().trim().max(1000).optional(),
});
export type RatingInput = z.infer<typeof RatingInputSchema>;

// ---- follow-up (整改) --------------------------------------------------------------------------

export const FOLLOW_UP_STATES = ['open', 'answered', 'closed'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/**
 * open → answer (the department, what it did) → answered → close (the bureau) or confirm (the
 * applicant) → closed; answered → return (the bureau, with a note) → open again.
 */
export const FOLLOW_UP_ACTIONS = ['open', 'answer', 'return', 'close', 'confirm'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

const NEXT: Record<FollowUpState, Partial<Record<FollowUpAction, FollowUpState>>> = {
  open: { answer: 'answered' },
  answered: { return: 'open', close: 'closed', confirm: 'closed' },
  closed: {},
};

export function allowedFollowUpActions(state: FollowUpState): FollowUpAction[] {
  return Object.keys(NEXT[state]) as FollowUpAction[];
}

/** The state after `action`, or the 409 naming the allowed actions. */
export function nextFollowUpState(state: FollowUpState, action: FollowUpAction): FollowUpState {
  const to = NEXT[state][action];
  if (!to) throw illegalTransition(action, state, allowedFollowUpActions(state));
  return to;
}

/** Replays a follow-up's action log (the first action is `open`). */
export function foldFollowUp(actions: readonly { action: string }[]): FollowUpState {
  let state: FollowUpState = 'open';
  for (const a of actions) if (a.action !== 'open') state = nextFollowUpState(state, a.action as FollowUpAction);
  return state;
}
