#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/<electron version>/,
// leaving node_modules' Node build (tests, CLI) untouched. The main process opens
// SQLite with that file through better-sqlite3's `nativeBinding` option.
// Needs the Electron binary and internet access to Electron's headers or prebuilds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const target = join(root, '.electron-native', electronVersion, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = null;
}
if (!electronBinary || !existsSync(electronBinary)) {
  console.error(
    `The Electron binary is not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD?).\n` +
      `Install it with:  node node_modules/electron/install.js`,
  );
  process.exit(1);
}

const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const work = join(root, '.electron-native', 'build', 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(dirname(work), { recursive: true });
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join('build', 'Release')}`) });

const args = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
console.log(`Building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${process.arch})…`);
try {
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json', { paths: [sqliteDir] })), 'bin.js');
  execFileSync(process.execPath, [prebuild, ...args], { cwd: work, stdio: 'inherit' });
} catch {
  console.log('No prebuilt binary; compiling from source with node-gyp…');
  const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
  execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', ...args, '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit' });
}
mkdirSync(dirname(target), { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(join(root, '.electron-native', 'build'), { recursive: true, force: true });
console.log(`Electron build of better-sqlite3: ${target}`);
