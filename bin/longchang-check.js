#!/usr/bin/env node
// A shim: the program lives in the library (dist/src/cli), built by `npm run build`.
import { main } from '../dist/src/cli/main.js';

await main();
