/** The payouts part's public face (re-exported by benefits/index.ts). */
export { PayoutService, PAYOUT_SCOPES, CONSENT_VERSION, NOTIFY_PENDING_JOB, NOTIFY_PENDING_INTERVAL_MS } from './payouts.service.ts';
export type { AccountPort, AuthoriseInput, BatchDto as PaymentBatchDto, BatchLineDto as PaymentLineDto, ImportReport, LocalizedName, PayoutDeps, PayoutDetail, PayoutDto } from './payouts.service.ts';
export { registerPayoutRoutes } from './payouts.routes.ts';
export { PAYOUT_STATES, PAYOUT_ACTIONS, type PayoutState, type PayoutAction } from './workflow.ts';
export { seedPayoutsDemo, demoCandidates } from './payouts.demo.ts';
