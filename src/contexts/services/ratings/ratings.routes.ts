import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../../http/auth.ts';
import { FOLLOW_UP_STATES, INDICATORS, INDICATOR_NAMES, RATING_LEVELS, RatingInputSchema } from './ratings.model.ts';
import type { RatingService } from './ratings.service.ts';

const caseParams = z.object({ caseId: z.coerce.number().int().positive() });
const idParams = z.object({ id: z.coerce.number().int().positive() });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** 好差评: rate a closed case, follow-ups of bad ratings, statistics. */
export function registerRatingRoutes(ratings: RatingService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['services'];

    r.get('/services/ratings/scale', { config: { public: true }, schema: { tags, summary: 'The five levels and the online indicators, in three languages' } }, async () => ({
      levels: Object.entries(RATING_LEVELS)
        .map(([level, name]) => ({ level: Number(level), name }))
        .sort((a, b) => b.level - a.level),
      indicators: INDICATORS.map((key) => ({ key, name: INDICATOR_NAMES[key] })),
    }));

    r.post('/services/ratings/cases/:caseId', { schema: { tags, summary: 'Rate my closed case (once)', params: caseParams, body: RatingInputSchema } }, async (req, reply) =>
      reply.status(201).send(await ratings.rate(requirePrincipal(req), req.params.caseId, req.body)),
    );

    r.get('/services/ratings/cases/:caseId', { schema: { tags, summary: 'The rating of a case (null when not rated yet)', params: caseParams } }, async (req) => ({
      rating: await ratings.forCase(requirePrincipal(req), req.params.caseId),
    }));

    r.get(
      '/services/ratings/follow-ups',
      {
        schema: {
          tags,
          summary: 'Follow-ups of bad ratings (own department, or all for the bureau and auditor)',
          querystring: z.object({
            state: z.enum(FOLLOW_UP_STATES).optional(),
            overdue: z.enum(['true', 'false']).optional(),
            departmentId: z.coerce.number().int().positive().optional(),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
        },
      },
      async (req) => ratings.listFollowUps(requirePrincipal(req), { ...req.query, overdue: req.query.overdue === 'true' }),
    );

    r.get('/services/ratings/follow-ups/:id', { schema: { tags, params: idParams } }, async (req) => ratings.getFollowUp(requirePrincipal(req), req.params.id));

    r.post('/services/ratings/follow-ups/:id/answer', { schema: { tags, summary: 'The department answers (what it did)', params: idParams, body: z.object({ text: z.string().trim().min(2).max(2000) }) } }, async (req) =>
      ratings.answer(requirePrincipal(req), req.params.id, req.body.text),
    );
    r.post('/services/ratings/follow-ups/:id/close', { schema: { tags, summary: 'The bureau closes an answered follow-up', params: idParams, body: z.object({ note: z.string().trim().max(2000).optional() }).optional() } }, async (req) =>
      ratings.close(requirePrincipal(req), req.params.id, req.body?.note ? req.body.note : null),
    );
    r.post('/services/ratings/follow-ups/:id/return', { schema: { tags, summary: 'The bureau returns an answer to the department', params: idParams, body: z.object({ note: z.string().trim().min(2).max(2000) }) } }, async (req) =>
      ratings.returnToDepartment(requirePrincipal(req), req.params.id, req.body.note),
    );
    r.post('/services/ratings/follow-ups/:id/confirm', { schema: { tags, summary: 'The applicant accepts the answer', params: idParams } }, async (req) => ratings.confirm(requirePrincipal(req), req.params.id));

    r.get('/services/ratings/statistics', { schema: { tags, summary: 'Ratings per department and item: count, average, 好评率, 差评, follow-ups on time', querystring: z.object({ from: date.optional(), to: date.optional() }) } }, async (req) =>
      ratings.statistics(requirePrincipal(req), req.query),
    );
  };
}
