// electron-builder afterPack hook: puts the Electron-ABI better-sqlite3-multiple-ciphers (built by
// scripts/electron-native.mjs) into the packaged app, so packaging never rebuilds
// node_modules in place over the Node build the tests use.
const { copyFileSync, existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

exports.default = async function afterPack(context) {
  const electronVersion = context.packager.config.electronVersion ?? require('electron/package.json').version;
  const source = join(__dirname, '..', '.electron-native', electronVersion, 'better_sqlite3.node');
  if (!existsSync(source)) throw new Error(`${source} is missing: run "node scripts/electron-native.mjs" on the target platform first`);
  const macApp = readdirSync(context.appOutDir).find((f) => f.endsWith('.app'));
  const resources = macApp ? join(context.appOutDir, macApp, 'Contents', 'Resources') : join(context.appOutDir, 'resources');
  const dest = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  copyFileSync(source, dest);
};
