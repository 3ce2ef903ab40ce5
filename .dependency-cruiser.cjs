/**
 * Architecture rules (docs/ARCHITECTURE.md). `npm run lint` runs them; CI fails on any error.
 * Paths are relative to the folder depcruise runs in, so the same rules also judge test fixtures.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-context-internals',
      comment: "A context may use another context only through that context's index.ts.",
      severity: 'error',
      from: { path: '^src/contexts/([^/]+)/' },
      to: { path: '^src/contexts/[^/]+/', pathNot: ['^src/contexts/$1/', '^src/contexts/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-internals-from-outside',
      comment: "Code outside the contexts (main, cli, http, db) sees a context only through its index.ts.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/contexts/' },
      to: { path: '^src/contexts/[^/]+/', pathNot: '^src/contexts/[^/]+/index\\.ts$' },
    },
    {
      name: 'kernel-stays-independent',
      comment: 'The kernel is what every context needs; it depends on no context, and not on http, db or cli.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/(contexts|http|db|cli|main\\.ts|config\\.ts)' },
    },
    {
      name: 'migrations-import-no-app-code',
      comment: 'A migration must keep meaning what it meant when it ran: it imports kysely and _columns.ts only.',
      severity: 'error',
      from: { path: '^src/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/db/migrations/_columns\\.ts$' },
    },
    {
      name: 'no-circular-contexts',
      comment: 'Contexts depend on each other in one direction only.',
      severity: 'error',
      from: { path: '^src/contexts/' },
      to: { circular: true, path: '^src/contexts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
