/**
 * Who is making a request, as every context sees it. Resolved once per request by the HTTP layer
 * (session cookie or API token) and passed into services, which decide what that principal may see.
 */
export type OrgKind = 'bureau' | 'department' | 'enterprise' | 'bank';
export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

export interface Principal {
  kind: 'user' | 'token';
  /** users.id for a person; api_tokens.id for a token. */
  id: number;
  name: string;
  orgId: number | null;
  orgKind: OrgKind | null;
  roles: readonly string[];
  scopes: ReadonlySet<string>;
  locale: Locale;
  ip: string | null;
}

/**
 * Scopes are `<area>:<verb>` strings; `<area>:<verb>:all` extends the verb beyond the principal's own
 * organisation. `*` grants everything. Holding `x:all` implies holding `x`.
 */
export function hasScope(p: Principal | null | undefined, scope: string): boolean {
  if (!p) return false;
  return p.scopes.has('*') || p.scopes.has(scope) || p.scopes.has(`${scope}:all`);
}

/** Whether the principal may act with `scope` on records owned by `orgId`. */
export function canActOnOrg(p: Principal | null | undefined, scope: string, orgId: number | null): boolean {
  if (!p) return false;
  if (p.scopes.has('*') || p.scopes.has(`${scope}:all`)) return true;
  return p.scopes.has(scope) && orgId !== null && p.orgId === orgId;
}

/**
 * The organisation filter for a listing under `scope`: undefined means "every organisation",
 * a number restricts to that one.
 */
export function orgFilterFor(p: Principal, scope: string): number | undefined {
  if (p.scopes.has('*') || p.scopes.has(`${scope}:all`)) return undefined;
  return p.orgId ?? -1;
}
