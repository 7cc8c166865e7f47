#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, on the Node build of better-sqlite3.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const root = path.join(__dirname, '..');
const tsx = require.resolve('tsx/cli', { paths: [root] });
const res = spawnSync(process.execPath, [tsx, path.join(root, 'electron/cli/index.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(res.status ?? 1);
