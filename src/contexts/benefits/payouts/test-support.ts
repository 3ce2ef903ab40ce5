/** Shared by the payouts tests: demo users' principals on a test platform, and candidates of a period. */
import { scopesOf, type IdentityService } from '../../identity/index.ts';
import type { Principal } from '../../../kernel/principal.ts';
import type { MatchedCandidate } from '../candidates.ts';
import { demoCandidates } from './payouts.demo.ts';

/** What these helpers need of the platform (main.ts's Platform has it). */
export interface PlatformLike {
  identity: IdentityService;
  config: { personHashKey: string };
}

const reader: Principal = { kind: 'token', id: 0, name: 'test', orgId: null, orgKind: null, roles: [], scopes: new Set(['identity.users:read:all']), locale: 'zh-CN', ip: null };

export async function principalOf(platform: PlatformLike, username: string): Promise<Principal> {
  const u = (await platform.identity.listUsers(reader, { q: username, page: 1, pageSize: 20 })).items.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return { kind: 'user', id: u.id, name: u.displayName, orgId: u.org?.id ?? null, orgKind: u.org?.kind ?? null, roles: u.roles, scopes: scopesOf(u.roles), locale: u.locale, ip: null };
}

export async function orgIdOf(platform: PlatformLike, code: string): Promise<number> {
  const o = await platform.identity.orgByCode(code);
  if (!o) throw new Error(`no organisation ${code}`);
  return o.id;
}

/** taibao and `others` more people, funded by PT-CZJR, for a period no demo data uses. */
export async function candidatesFor(platform: PlatformLike, opts: { period: string; runId: number; others?: number; amountOf?: (i: number) => number; policyVersion?: number; policyKey?: string }): Promise<MatchedCandidate[]> {
  return demoCandidates({ personHashKey: platform.config.personHashKey, fundingOrgId: await orgIdOf(platform, 'PT-CZJR'), ...opts });
}
