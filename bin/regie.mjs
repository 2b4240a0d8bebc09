#!/usr/bin/env node
// The `regie` command. Runs the TypeScript sources through tsx, so there is no
// build step between a checkout and a running server.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli.ts', import.meta.url);
