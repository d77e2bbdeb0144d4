#!/usr/bin/env node
// The cors-lab command: the compiled CLI in lib/ (built by `npm run build`), no TypeScript runtime.
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2));
