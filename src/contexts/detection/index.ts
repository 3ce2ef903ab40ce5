/**
 * The detection context's public face: identifier validators (shared with the service hall and the
 * catalog), and — as they land — recognisers, readers and the scan service.
 */
export * from './validators/index.ts';
