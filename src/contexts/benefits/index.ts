/** Proactive benefits (免申即享, issue 8): data sources, policies as data, matching runs, payouts, and the tax calculators. */
export * from './tax/index.ts';
