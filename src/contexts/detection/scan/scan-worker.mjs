// Fallback worker-thread entry (see worker-bundle.ts): loads the TypeScript worker through tsx,
// which the thread does not inherit.
import { register } from 'tsx/esm/api';

register();
await import('./scan-worker.ts');
