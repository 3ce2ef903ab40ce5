/** Kysely table types of 好差评 (migration 0014). */
import type { Generated } from 'kysely';

export interface RatingRow {
  id: Generated<number>;
  case_id: number;
  case_no: string;
  item_code: string;
  /** JSON {zh-CN, zh-TW, en} of the item's name when rated. */
  item_name: string;
  applicant_user_id: number;
  /** 1 非常不满意 … 5 非常满意. */
  level: number;
  /** The online indicators, each 1–5: 整体满意度, 办事效率, 办事指南精确度, 办事便捷度, 平台操作性. */
  overall: number;
  efficiency: number;
  guide_accuracy: number;
  convenience: number;
  usability: number;
  comment: string | null;
  created_at: string;
}

/** One row per department that handled the rated case (statistics per department). */
export interface RatingDepartmentRow {
  rating_id: number;
  department_id: number;
  level: number;
  created_at: string;
}

export interface FollowUpRow {
  id: Generated<number>;
  rating_id: number;
  case_id: number;
  department_id: number;
  /** YYYY-MM-DD (China), the last working day to answer. */
  due_date: string;
  /** Cache of the state folded from the action log, for listing; the log decides. */
  state: string;
  answered_at: string | null;
  /** China date of the first answer (on time when ≤ due_date). */
  answered_on: string | null;
  closed_at: string | null;
  created_at: string;
}

export interface FollowUpActionRow {
  id: Generated<number>;
  followup_id: number;
  action: string;
  actor: string;
  actor_org_id: number | null;
  /** What the department did, or the bureau's note, as written. */
  text: string | null;
  at: string;
}

export interface RatingTables {
  services_ratings: RatingRow;
  services_rating_departments: RatingDepartmentRow;
  services_rating_followups: FollowUpRow;
  services_rating_followup_actions: FollowUpActionRow;
}
