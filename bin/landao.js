#!/usr/bin/env node
// The `landao` command. Runs the TypeScript sources through tsx's loader, so a fresh clone needs
// no separate server build step. `scan` and `mask` run from a plain-JS bundle of src/cli/scan-main.ts
// instead, built on demand (src/contexts/detection/scan/bundles.mjs): a scan's main thread without
// the loader or the other commands' modules (peak RSS, issue 3). No bundle to be had: tsx as usual.
const argv = process.argv.slice(2);
let main;
if (argv[0] === 'scan' || argv[0] === 'mask') {
  const { scanMainUrl } = await import('../src/contexts/detection/scan/bundles.mjs');
  const url = await scanMainUrl().catch(() => null);
  if (url) ({ main } = await import(url.href));
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(argv);
