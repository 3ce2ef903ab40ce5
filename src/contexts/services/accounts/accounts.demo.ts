import { SYSTEM_ACTOR } from '../../audit/index.ts';
import type { AccountService } from './accounts.service.ts';
import { validateSignup, type SignupInput } from './signup.ts';

/** The demo citizen taibao's residence permit (synthetic: 830000 + 1990-01-01 + 001 + check 2). */
export const DEMO_RESIDENCE_PERMIT = '830000199001010012';
const DEMO_PASSWORD = 'Demo@2026';

/** A demo company that signs up through the hall (its user name is the contact's mobile). */
const DEMO_COMPANY = {
  kind: 'company',
  uscc: '91350128MA2YABCD0F',
  companyName: '平潭海峡两岸电商科技有限公司',
  contactName: '陈立伟',
  phone: '13905910001',
  password: DEMO_PASSWORD,
  locale: 'zh-CN',
} as const satisfies SignupInput;

/**
 * After the identity demo: taibao (李志明) gets a verified Taiwan-resident account with his residence
 * permit, and one company account. Recorded as verified with a demo reference (demo data is never
 * seeded in production, and the demo must not depend on which verifier is configured).
 */
export async function seedAccountsDemo(accounts: AccountService, userIdOf: (username: string) => Promise<number>): Promise<{ username: string; displayName: string; roles: string[] }[]> {
  const taibao = validateSignup({ kind: 'taiwan_resident', idType: 'residence_permit', idNumber: DEMO_RESIDENCE_PERMIT, name: '李志明', phone: '13905910000', password: DEMO_PASSWORD, locale: 'zh-TW' });
  await accounts.create(SYSTEM_ACTOR, taibao.value!, { existingUserId: await userIdOf('taibao'), verifiedReference: 'DEMO-TAIBAO' });
  const company = validateSignup(DEMO_COMPANY);
  await accounts.create(SYSTEM_ACTOR, company.value!, { verifiedReference: 'DEMO-COMPANY' });
  return [{ username: DEMO_COMPANY.phone, displayName: `${DEMO_COMPANY.contactName}（${DEMO_COMPANY.companyName}）`, roles: ['enterprise-user'] }];
}
