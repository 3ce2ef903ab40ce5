/**
 * The services context's public face: the service hall for Taiwan compatriots (台胞服务大厅) — the
 * service item catalog, sign-up with residence-permit verification, applications and cases run by the
 * workflow engine, "one thing" (一件事) processes, time limits, notifications and 好差评.
 */
export * from './accounts/public.ts';
export * from './items/public.ts';
export * from './notifications/public.ts';
export * from './ratings/public.ts';
export * from './cases/public.ts';
export { toSimplified } from './chinese.ts';
