/**
 * Roles and the scopes they grant. This is configuration: each context adds the scopes its routes
 * check. `:all` widens a scope beyond the holder's own organisation (see kernel/principal.ts).
 */
export const ROLES = {
  'platform-admin': ['*'],
  'bureau-officer': ['identity.orgs:read', 'identity.users:read:all', 'audit:read', 'jobs:read:all', 'detection:scan', 'customs:assess', 'catalog:read:all', 'catalog.quality:read:all', 'registry:read:all', 'registry:authorise', 'customs.declarations:read:all', 'customs.declarations:review', 'customs.statistics:read:all', 'customs.reference:write', 'exchange:read:all', 'exchange:revoke:all', 'services.items:write', 'services.cases:read:all', 'services.statistics:read:all', 'services.ratings:close:all', 'services.ratings:read:all', 'archives:read:all', 'archives:export:all', 'archives:audit', 'archives:lend', 'archives:dispose', 'archives.disposal:propose', 'benefits.payouts:read:all', 'benefits.sources:read:all', 'benefits.policies:read', 'benefits.policies:write:all', 'benefits.runs:start:all', 'benefits.runs:read:all'],
  auditor: ['identity.orgs:read', 'identity.users:read:all', 'audit:read:all', 'audit:verify', 'jobs:read:all', 'catalog:read:all', 'catalog.quality:read:all', 'registry:read:all', 'customs.declarations:read:all', 'customs.statistics:read:all', 'exchange:read:all', 'services.cases:read:all', 'services.statistics:read:all', 'services.ratings:read:all', 'archives:read:all', 'archives:audit', 'benefits.payouts:read:all', 'benefits.sources:read:all', 'benefits.policies:read', 'benefits.runs:read:all'],
  'dept-admin': ['identity.orgs:read', 'identity.users:read', 'identity.users:write', 'identity.tokens:write', 'jobs:read', 'detection:scan', 'catalog:read', 'catalog:write', 'catalog.data:load', 'catalog.data:read', 'catalog.quality:read', 'catalog.quality:resolve', 'exchange:request', 'exchange:approve', 'exchange:read', 'services.items:write', 'services.cases:handle', 'services.ratings:read', 'archives:read', 'archives:submit', 'archives:correct', 'archives:export', 'archives:borrow', 'benefits.payouts:confirm', 'benefits.payouts:read', 'benefits.payments:manage', 'benefits.sources:load', 'benefits.sources:read', 'benefits.policies:read', 'benefits.policies:write', 'benefits.runs:start', 'benefits.runs:read'],
  'dept-officer': ['identity.orgs:read', 'identity.users:read', 'jobs:read', 'detection:scan', 'customs:assess', 'catalog:read', 'catalog:write', 'catalog.data:load', 'catalog.data:read', 'catalog.quality:read', 'catalog.quality:resolve', 'exchange:request', 'exchange:approve', 'exchange:read', 'services.cases:handle', 'services.ratings:read', 'archives:read', 'archives:submit', 'archives:borrow', 'benefits.payouts:confirm', 'benefits.payouts:read', 'benefits.payments:manage', 'benefits.sources:load', 'benefits.sources:read', 'benefits.policies:read', 'benefits.runs:read'],
  'enterprise-user': ['jobs:read', 'detection:scan', 'customs:assess', 'customs.declarations:read', 'customs.declarations:write', 'customs.statistics:read', 'registry:apply', 'registry:read', 'services.identity:read', 'services.cases:apply', 'benefits:own'],
  'bank-officer': ['registry:pledge', 'registry:read'],
  /** Examines data property registrations (数据产权登记审查) and runs authorised-operation records. */
  'registry-reviewer': ['identity.orgs:read', 'jobs:read', 'detection:scan', 'registry:read:all', 'registry:review', 'registry:authorise'],
  /** The zone's archive (档案馆): decides disposal proposals and carries out destruction (鉴定销毁), decides loans. */
  archivist: ['identity.orgs:read', 'archives:read:all', 'archives:dispose', 'archives.disposal:approve', 'archives:lend', 'archives:audit'],
  citizen: ['services.identity:read', 'services.cases:apply', 'benefits:own'],
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
