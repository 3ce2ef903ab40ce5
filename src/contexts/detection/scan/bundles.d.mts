// Types of bundles.mjs (plain JavaScript: bin/landao.js imports it before any TypeScript loader).

/** The worker through the tsx loader (the fallback). */
export declare const TSX_WORKER_URL: URL;
/** The bundled `landao scan` / `mask` entry (built first when needed); rejects when there is none. */
export declare function scanMainUrl(): Promise<URL>;
/** The URL of the worker to start: the bundled one, or the tsx entry when no bundle can be had. */
export declare function scanWorkerUrl(): Promise<URL>;
