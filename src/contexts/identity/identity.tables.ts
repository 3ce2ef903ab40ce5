import type { Generated } from 'kysely';

export interface OrgRow {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  kind: string;
  uscc: string | null;
  parent_id: number | null;
  created_at: string;
}

export interface UserRow {
  id: Generated<number>;
  org_id: number | null;
  username: string;
  display_name: string;
  kind: string;
  password_hash: string;
  locale: string;
  status: string;
  phone: string | null;
  id_type: string | null;
  id_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenRow {
  id: Generated<number>;
  org_id: number;
  name: string;
  token_hash: string;
  scopes: string;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface IdentityTables {
  orgs: OrgRow;
  users: UserRow;
  user_roles: { user_id: number; role: string };
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  login_throttle: { key: string; failures: number; window_start: string; locked_until: string | null };
}
