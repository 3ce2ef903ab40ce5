// Fallback worker-thread entry (see bundles.mjs): loads the TypeScript worker through tsx,
// which the thread does not inherit.
import { register } from 'tsx/esm/api';

register();
await import('./scan-worker.ts');
