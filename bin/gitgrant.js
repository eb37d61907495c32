#!/usr/bin/env node
// The CLI runs from the bundle, so `npx gitgrant` needs no build step and no dev dependencies.
import '../dist/cli/index.js';
