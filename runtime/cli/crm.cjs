#!/usr/bin/env node
// `npx crm ...`: runs the TypeScript command line (runtime/cli/crm.ts) through tsx,
// so it works from a clean checkout without a build.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..', '..');
const loader = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;
const result = spawnSync(process.execPath, ['--import', loader, join(__dirname, 'crm.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TSX_TSCONFIG_PATH: process.env.TSX_TSCONFIG_PATH ?? join(root, 'tsconfig.json') },
});
process.exit(result.status ?? 1);
