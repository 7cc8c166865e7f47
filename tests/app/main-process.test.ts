import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { tempDir } from '../helpers/db';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { formatRecoveryKey, newKey } from '../../electron/features/privacy/keys';
import { setPassphrase } from '../../electron/features/privacy/keys';

// A stand-in for Electron that records what the main process asks of it.
const electron = vi.hoisted(() => {
  const state = {
    lock: true,
    userData: '',
    windows: [] as { options: any; url?: string }[],
    ipc: new Map<string, (e: unknown, input: unknown) => Promise<any>>(),
    protocolHandler: undefined as undefined | ((req: { url: string }) => Promise<Response>),
    privileged: [] as unknown[],
    quit: 0,
    appEvents: new Map<string, (...a: unknown[]) => void>(),
    permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
  };
  class BrowserWindow {
    webContents = { send: () => {} };
    destroyed = false;
    constructor(options: any) {
      state.windows.push({ options });
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    once() {}
    on() {}
    loadURL(url: string) {
      state.windows[state.windows.length - 1].url = url;
      return Promise.resolve();
    }
  }
  const mod = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => state.lock,
      quit: () => void state.quit++,
      whenReady: () => Promise.resolve(),
      getPath: () => state.userData,
      getAppPath: () => process.cwd(),
      getVersion: () => '9.9.9',
      getLocale: () => 'hu-HU',
      on: (event: string, fn: (...a: unknown[]) => void) => state.appEvents.set(event, fn),
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
    ipcMain: { handle: (c: string, fn: any) => state.ipc.set(c, fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.privileged.push(...s),
      handle: (_scheme: string, fn: any) => (state.protocolHandler = fn),
    },
    session: { defaultSession: { setPermissionRequestHandler: (h: any) => (state.permissionRequest = h), setPermissionCheckHandler: () => {} } },
    shell: { openExternal: vi.fn() },
    // The OS's secret store, as a reversible stand-in: what it sealed it unseals, anything else it refuses.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(`sealed:${s}`),
      decryptString: (b: Buffer) => {
        const t = b.toString();
        if (!t.startsWith('sealed:')) throw new Error('sealed elsewhere');
        return t.slice(7);
      },
    },
  };
  return { state, mod };
});
vi.mock('electron', () => ({ ...electron.mod, default: electron.mod }));

async function startMain() {
  vi.resetModules();
  await import('../../electron/main/index');
  // Generous waits: importing the whole main process and opening the database is slow on a loaded machine.
  await vi.waitFor(() => expect(electron.state.windows.length + electron.state.quit).toBeGreaterThan(0), { timeout: 20_000 });
}

// The main process points TMPDIR at its own folder inside userData; each test gets the test runner's back.
const TEMP_VARS = ['SQLITE_TMPDIR', 'TMPDIR', 'TMP', 'TEMP'] as const;
const savedTemp = Object.fromEntries(TEMP_VARS.map((v) => [v, process.env[v]]));
afterEach(() => {
  for (const v of TEMP_VARS) if (savedTemp[v] === undefined) delete process.env[v];
  else process.env[v] = savedTemp[v];
});

// Each test imports the whole main process afresh: slow on a loaded machine.
describe('main process with Electron mocked', { timeout: 90_000 }, () => {
  beforeEach(() => {
    Object.assign(electron.state, { lock: true, userData: tempDir(), windows: [], quit: 0, protocolHandler: undefined, privileged: [] });
    electron.state.ipc.clear();
  });
  afterEach(() => electron.state.appEvents.get('before-quit')?.());

  it('opens the database, registers the contract and loads the app over its own protocol', async () => {
    await startMain();
    expect(existsSync(join(electron.state.userData, 'rapport.db'))).toBe(true);
    expect(electron.state.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(electron.state.windows).toHaveLength(1);
    const [win] = electron.state.windows;
    expect(win.url).toBe('app://rapport/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect([...electron.state.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
    const info = await electron.state.ipc.get('app.info')!({ senderFrame: { url: 'app://rapport/index.html', parent: null } }, {});
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9', clientCount: 0 } });
    const types = await electron.state.ipc.get('clientTypes.list')!({ senderFrame: { url: 'app://rapport/index.html', parent: null } }, {});
    expect(types.value.map((t: { key: string }) => t.key)).toEqual(expect.arrayContaining(['retailer', 'manufacturer']));
    const cb = vi.fn();
    electron.state.permissionRequest!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(electron.state.appEvents.has('web-contents-created')).toBe(true);
  });

  it('refuses to serve anything outside the renderer folder', async () => {
    await startMain();
    const res = await electron.state.protocolHandler!({ url: 'app://rapport/assets/..%2f..%2f..%2fpackage.json' });
    expect(res.status).toBe(404);
  });

  it('a damaged database at start is explained in a dialog, left as it was, and the app quits', async () => {
    writeFileSync(join(electron.state.userData, 'rapport.db'), '');
    await startMain();
    expect(electron.state.quit).toBe(1);
    expect(electron.state.windows).toHaveLength(0);
    const [options] = electron.mod.dialog.showMessageBoxSync.mock.calls.at(-1) as unknown as [{ message: string; buttons: string[] }];
    expect(options.message).toMatch(/damaged: the file is empty/);
    expect(options.buttons).toEqual(['Quit']);
    expect(statSync(join(electron.state.userData, 'rapport.db')).size).toBe(0);
  });

  it('a second instance quits instead of opening the database', async () => {
    electron.state.lock = false;
    await startMain();
    expect(electron.state.quit).toBe(1);
    expect(electron.state.windows).toHaveLength(0);
    expect(existsSync(join(electron.state.userData, 'rapport.db'))).toBe(false);
  });

  it('a new database is encrypted from its first byte, its key sealed by the OS beside it and never in clear', async () => {
    await startMain();
    const path = join(electron.state.userData, 'rapport.db');
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const keys = readFileSync(`${path}.keys`, 'utf8');
    const sealed = Buffer.from(JSON.parse(keys).sealed, 'base64').toString();
    const key = sealed.replace('sealed:', '');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    // The stand-in store is reversible; the real one is not. The file must hold the sealed form only.
    expect(keys).not.toContain(key);
    expect(statSync(`${path}.keys`).mode & 0o077).toBe(0);
    const info = await electron.state.ipc.get('privacy.status')!({ senderFrame: { url: 'app://rapport/index.html', parent: null } }, {});
    expect(info).toMatchObject({ ok: true, value: { encrypted: true, keyProtection: 'os' } });
  });

  it('serves only its own host', async () => {
    await startMain();
    for (const url of ['app://evil/index.html', 'app://rapport.evil/index.html', 'app://localhost/index.html']) {
      expect((await electron.state.protocolHandler!({ url })).status, url).toBe(404);
    }
  });

  it('an encrypted database whose key this computer lacks asks for the passphrase, in the user\'s language, then opens', async () => {
    const path = join(electron.state.userData, 'rapport.db');
    const key = newKey();
    const db = openDatabase(path, findMigrationsFolder(), { key });
    db.sqlite.prepare(`INSERT INTO clients (name) VALUES ('Moved here')`).run();
    db.sqlite.close();
    await setPassphrase(path, key, 'correct horse battery');
    await startMain();
    expect(electron.state.windows).toHaveLength(1);
    expect(electron.state.windows[0].url).toBe('app://rapport/unlock');
    expect(electron.state.windows[0].options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    const get = (p: string) => electron.state.protocolHandler!({ url: `app://rapport${p}` });
    const post = async (body: string) => (await (electron.state.protocolHandler! as any)({ url: 'app://rapport/unlock', method: 'POST', text: async () => body })).json();
    const page = await get('/unlock');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<html lang="hu">');
    expect(await post('wrong guess')).toMatchObject({ ok: false, message: expect.stringMatching(/\S/) });
    expect(await post('correct horse battery')).toEqual({ ok: true });
    await vi.waitFor(() => expect(electron.state.windows).toHaveLength(2), { timeout: 20_000 });
    expect(electron.state.windows[1].url).toBe('app://rapport/index.html');
    const info = await electron.state.ipc.get('app.info')!({ senderFrame: { url: 'app://rapport/index.html', parent: null } }, {});
    expect(info).toMatchObject({ ok: true, value: { clientCount: 1 } });
    // Sealed for this computer now: the next start does not ask.
    expect(JSON.parse(readFileSync(`${path}.keys`, 'utf8')).sealed).toBeTruthy();
    expect(formatRecoveryKey(key)).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    // Three scrypt derivations (64 MB each) and two starts of the main process.
  }, 90_000);
});
