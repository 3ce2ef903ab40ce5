/** Kysely table types of cases/ (migration 0012). JSON columns are text; ids are integers. */
import type { Generated } from 'kysely';

export interface ProcessDefinitionRow {
  id: Generated<number>;
  key: string;
  version: number;
  sm3: string;
  definition: string;
  created_at: string;
}

export interface CaseSequenceRow {
  name: string;
  value: number;
}

export interface CaseRow {
  id: Generated<number>;
  number: string;
  item_code: string;
  item_version: number;
  item_name: string;
  department_org_id: number;
  process_key: string;
  process_version: number;
  applicant_user_id: number;
  applicant_org_id: number | null;
  applicant_name: string;
  applicant_kind: string;
  form: string;
  prefill: string;
  promised_days: number;
  state: string;
  outcome: string | null;
  submitted_at: string;
  submitted_on: string;
  accepted_at: string | null;
  closed_at: string | null;
  closed_on: string | null;
  deadline: string | null;
  last_seq: number;
  updated_at: string;
}

export interface CaseActionRow {
  id: Generated<number>;
  case_id: number;
  seq: number;
  action: string;
  task_node: string | null;
  actor: string;
  actor_name: string | null;
  detail: string;
  at: string;
}

export interface CaseTaskRow {
  id: Generated<number>;
  case_id: number;
  case_number: string;
  node: string;
  department_org_id: number;
  assignee_user_id: number | null;
  status: string;
  escalated: number;
  opened_at: string;
  closed_at: string | null;
  due_date: string | null;
}

export interface CaseAttachmentRow {
  id: Generated<number>;
  case_id: number;
  kind: string;
  filename: string;
  media_type: string;
  size: number;
  sm3: string;
  blob_key: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface CasesTables {
  services_process_definitions: ProcessDefinitionRow;
  services_case_sequences: CaseSequenceRow;
  services_cases: CaseRow;
  services_case_actions: CaseActionRow;
  services_case_tasks: CaseTaskRow;
  services_case_attachments: CaseAttachmentRow;
}
