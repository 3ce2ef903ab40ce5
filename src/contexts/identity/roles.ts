/**
 * Roles and the scopes they grant. This is configuration: each context adds the scopes its routes
 * check. `:all` widens a scope beyond the holder's own organisation (see kernel/principal.ts).
 */
export const ROLES = {
  'platform-admin': ['*'],
  'bureau-officer': ['identity.orgs:read', 'identity.users:read:all', 'audit:read', 'jobs:read:all', 'detection:scan'],
  auditor: ['identity.orgs:read', 'identity.users:read:all', 'audit:read:all', 'audit:verify', 'jobs:read:all'],
  'dept-admin': ['identity.orgs:read', 'identity.users:read', 'identity.users:write', 'identity.tokens:write', 'jobs:read', 'detection:scan'],
  'dept-officer': ['identity.orgs:read', 'identity.users:read', 'jobs:read', 'detection:scan'],
  'enterprise-user': ['jobs:read', 'detection:scan'],
  'bank-officer': [],
  citizen: [],
} as const satisfies Record<string, readonly string[]>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(s: string): s is Role {
  return Object.hasOwn(ROLES, s);
}

export function scopesOf(roles: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const r of roles) if (isRole(r)) for (const s of ROLES[r]) out.add(s);
  return out;
}
