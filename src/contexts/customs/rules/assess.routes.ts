/**
 * The assessment as an API (数据出境路径判定): POST /api/customs/assess takes the scenario JSON of
 * shared/contracts/assess.md and answers the decision exactly as `landao customs assess --json` prints
 * it (same `parseScenario` + `assess`). POST /api/customs/assess/batch decides up to 1,000 scenarios,
 * each with its own decision or error. Both need the scope `customs:assess`.
 *
 * Language of the notes: a signed-in person's own locale; an API token (which has none) follows
 * Accept-Language (zh-TW / zh-Hant / zh-HK / zh-MO → zh-TW, other zh → zh-CN, en → en), else zh-CN.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../../http/auth.ts';
import { AppError, isAppError } from '../../../kernel/errors.ts';
import type { Principal } from '../../../kernel/principal.ts';
import { assess, OUTCOMES, parseScenario, type Decision } from './assess.ts';
import type { Lang } from './text.ts';
import { getDefaultLists, type LoadedLists } from './lists.ts';

export const ASSESS_SCOPE = 'customs:assess';
export const BATCH_LIMIT = 1000;

const decisionDto = z.object({
  outcome: z.enum(OUTCOMES),
  basis: z.array(z.string()),
  totals: z.object({ personalSubjects: z.number(), sensitiveSubjects: z.number() }),
  notes: z.array(z.string()),
});

const errorDto = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

/** The language of one language tag of Accept-Language, or null for one we do not speak. */
function langOfTag(tag: string): Lang | null {
  const t = tag.toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'zh' || t.startsWith('zh-')) return /^zh-(tw|hk|mo|hant)(-|$)/.test(t) ? 'zh-TW' : 'zh-CN';
  return null;
}

/** The best of our languages in an Accept-Language header (by q-value, then order), or null. */
export function langFromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  let best: Lang | null = null;
  let bestQ = 0;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    const lang = langOfTag(tag.trim());
    if (lang && Number.isFinite(q) && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

function langFor(req: FastifyRequest, p: Principal): Lang {
  if (p.kind === 'user') return p.locale;
  return langFromAcceptLanguage(req.headers['accept-language']) ?? 'zh-CN';
}

function decide(json: unknown, lang: Lang, lists: LoadedLists): Decision {
  return assess(parseScenario(json, lists), { lang, lists });
}

/** `lists`: the lists in force (the bureau publishes new versions; default: the shipped ones). */
export function registerAssessRoutes(lists: () => Promise<LoadedLists> | LoadedLists = getDefaultLists) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/customs/assess',
      {
        schema: {
          tags: ['customs'],
          description:
            'Decide the legal route of one outbound transfer (shared/contracts/assess.md). Body: the scenario JSON. ' +
            'A malformed scenario is a 400 validation_failed naming the field (details.field, details.issues).',
          body: z.unknown(),
          response: { 200: decisionDto },
        },
      },
      async (req) => {
        const p = requireScope(req, ASSESS_SCOPE);
        return decide(req.body, langFor(req, p), await lists());
      },
    );

    r.post(
      '/customs/assess/batch',
      {
        schema: {
          tags: ['customs'],
          description: `Decide up to ${BATCH_LIMIT} scenarios; each result holds its decision or its error (as the single form would answer it).`,
          body: z.object({ scenarios: z.array(z.unknown()) }),
          response: {
            200: z.object({
              results: z.array(z.union([z.object({ decision: decisionDto }), z.object({ error: errorDto })])),
            }),
          },
        },
      },
      async (req) => {
        const p = requireScope(req, ASSESS_SCOPE);
        const { scenarios } = req.body;
        if (scenarios.length === 0 || scenarios.length > BATCH_LIMIT)
          throw new AppError('validation_failed', `scenarios: must hold 1 to ${BATCH_LIMIT} scenarios, got ${scenarios.length}`, {
            field: 'scenarios',
          });
        const lang = langFor(req, p);
        const inForce = await lists();
        const results = scenarios.map((s) => {
          try {
            return { decision: decide(s, lang, inForce) };
          } catch (e) {
            if (!isAppError(e)) throw e;
            return { error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } };
          }
        });
        return { results };
      },
    );
  };
}
