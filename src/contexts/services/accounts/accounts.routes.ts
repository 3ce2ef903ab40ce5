import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../../http/auth.ts';
import { LOCALES } from '../../../kernel/principal.ts';
import type { AccountService } from './accounts.service.ts';

const tags = ['services'];
/** Loose on purpose: the service checks every field and names the reason (format, checksum, birth_date, prefix…). */
const text = (max: number) => z.string().max(max).default('');
const common = { phone: text(40), password: z.string().max(200).default(''), locale: z.enum(LOCALES as ['zh-CN', 'zh-TW', 'en']).optional() };

const SignupBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('taiwan_resident'), idType: z.enum(['residence_permit', 'mtp']), idNumber: text(40), name: text(200), ...common }),
  z.object({ kind: z.literal('mainland_resident'), idNumber: text(40), name: text(200), ...common }),
  z.object({ kind: z.literal('company'), uscc: text(40), companyName: text(300), contactName: text(200), ...common }),
]);

export function registerAccountRoutes(accounts: AccountService, limits: { signupPerIp: number } = { signupPerIp: 0 }) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/public/services/signup',
      {
        config: { public: true, ...(limits.signupPerIp > 0 ? { rateLimit: { max: limits.signupPerIp, timeWindow: '15 minutes' } } : {}) },
        schema: {
          tags,
          summary: 'Sign up for the service hall (Taiwan resident, mainland resident or company); the username is the mobile number',
          description:
            'Refusals are 400 validation_failed with details [{field, reason, message}] (reason: required, format, checksum, birth_date, prefix, division_code, too_short, too_long), or 409 duplicate with reason already_registered (same document) or phone_registered. The answer says whether the document is verified, rejected or still pending (verifier unavailable).',
          body: SignupBody,
        },
      },
      async (req, reply) => reply.status(201).send(await accounts.signup(req.body, { ip: req.ip ?? null })),
    );

    r.get('/services/me/identity', { schema: { tags, summary: 'My service-hall identity: document type, masked number, verification status' } }, async (req) =>
      accounts.me(requirePrincipal(req)),
    );

    r.post('/services/me/identity/verify', { schema: { tags, summary: 'Ask the verification interface again (pending or rejected accounts; at most once a minute)' } }, async (req) =>
      accounts.retryVerification(requirePrincipal(req)),
    );
  };
}
