import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
// js-yaml comes with electron-builder, which reads this very file the same way.
const yaml = createRequire(join(ROOT, 'package.json'))('js-yaml') as { load(s: string): unknown };
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the packaged app', () => {
  it('flips the Electron fuses: no Node mode, no NODE_OPTIONS, no inspector, code only from a checked app.asar, cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // With onlyLoadAppFromAsar the migrations must be inside the asar, and the native module unpacked beside it.
    expect(config.files).toContain('electron/db/migrations/**');
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.asar).not.toBe(false);
  });

  it('ships one SQLite, the one that encrypts, and copies its Electron build in after packing', () => {
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toBeDefined();
    expect(pkg.dependencies['better-sqlite3']).toBeUndefined();
    expect(pkg.devDependencies['better-sqlite3']).toBeUndefined();
    expect(pkg.allowScripts['better-sqlite3-multiple-ciphers']).toBe(true);
    expect(readFileSync(join(ROOT, 'scripts', 'after-pack.cjs'), 'utf8')).toContain("'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'");
    expect(readFileSync(join(ROOT, 'scripts', 'electron-native.mjs'), 'utf8')).toContain("const PACKAGE = 'better-sqlite3-multiple-ciphers'");
  });
});
