/** The 好差评 part's public face (re-exported by services/index.ts). */
export { RatingService } from './ratings.service.ts';
export type { RatingDeps, RatingDto, FollowUpDto, RatingStatistics } from './ratings.service.ts';
export { registerRatingRoutes } from './ratings.routes.ts';
export { RATING_LEVELS, INDICATORS as RATING_INDICATORS, INDICATOR_NAMES as RATING_INDICATOR_NAMES, RatingInputSchema, type RatingInput } from './ratings.model.ts';
