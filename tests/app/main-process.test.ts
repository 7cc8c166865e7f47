import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { tempDir } from '../helpers/db';

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
    constructor(options: any) {
      state.windows.push({ options });
    }
    isDestroyed() {
      return false;
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
  };
  return { state, mod };
});
vi.mock('electron', () => ({ ...electron.mod, default: electron.mod }));

async function startMain() {
  vi.resetModules();
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(electron.state.windows.length + electron.state.quit).toBeGreaterThan(0));
}

describe('main process with Electron mocked', () => {
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
});
