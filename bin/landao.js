#!/usr/bin/env node
// The `landao` command. Runs the TypeScript sources through tsx's loader, so a fresh clone needs
// no separate server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
