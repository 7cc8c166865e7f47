#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers (better-sqlite3 with SQLite3 Multiple Ciphers, the
// encrypting SQLite the whole app uses) for Electron's ABI into .electron-native/<electron version>/,
// leaving node_modules' Node build (tests, CLI) untouched. The main process opens
// SQLite with that file through better-sqlite3's `nativeBinding` option.
// Needs the Electron binary and internet access to Electron's headers or prebuilds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const target = join(root, '.electron-native', electronVersion, 'better_sqlite3.node');

// The build is tagged with its package: a copy of plain better-sqlite3 left from before encryption must be replaced.
const PACKAGE = 'better-sqlite3-multiple-ciphers';
const tag = join(root, '.electron-native', electronVersion, 'package.txt');
if (existsSync(target) && existsSync(tag) && readFileSync(tag, 'utf8').trim() === PACKAGE) process.exit(0);

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

const sqliteDir = dirname(require.resolve(`${PACKAGE}/package.json`));
const work = join(root, '.electron-native', 'build', PACKAGE);
rmSync(work, { recursive: true, force: true });
mkdirSync(dirname(work), { recursive: true });
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join('build', 'Release')}`) });

const args = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
console.log(`Building ${PACKAGE} for Electron ${electronVersion} (${process.platform}-${process.arch})…`);
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
writeFileSync(tag, `${PACKAGE}\n`);
rmSync(join(root, '.electron-native', 'build'), { recursive: true, force: true });
console.log(`Electron build of ${PACKAGE}: ${target}`);
