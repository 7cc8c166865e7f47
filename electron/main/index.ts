import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { findMigrationsFolder } from '../db/migrations-path';
import { createHandlers } from '../app';
import { createRouter } from '../router';
import { ensureDefaultClientTypes } from '../features/accounts/client-types';
import { appResponse, type Unlocker } from './app-protocol';
import { workerTaskRunner } from '../jobs/worker-runner';
import { jobRegistry } from '../jobs/registry';
import { scheduleDailyBackups } from '../features/backups/daily';
import { stopAnalyticsHost, warmUp } from '../features/analytics';
import { WARM_QUERIES } from '../offload';
import { sweepImportWork } from '../features/import';
import { keyAtStart, keyProtection, schedulePrivacyUpkeep, unlockPage, unlockWith, unlockWrong } from '../features/privacy';
import { openConnection, type DatabaseKey, type Db } from '../db/connection';
import { openOrRecover } from './open-or-recover';
import { electronPlatform } from './platform';
import { registerIpc } from './ipc';
import { electronNativeBinding } from './native-binding';
import { APP_ORIGIN, APP_SCHEME, denyAllPermissions, guardWebContents, originOf } from './security';
import { windowOptions } from './window';

// Every file the app creates (database, backups, key file, exports, temporary files) is readable by this user only.
process.umask(0o077);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trustedOrigins = [APP_ORIGIN, ...(devServer ? [originOf(devServer)!] : [])];
let mainWindow: BrowserWindow | null = null;
let unlocker: Unlocker | null = null;
// Until the app window opens, closing the unlock window is not the end of the app (start() decides).
let starting = true;

const openExternal = (url: string) => void shell.openExternal(url);

/**
 * The worker's entry: built beside this file in the app (out/main/worker.js);
 * when this file runs from its TypeScript source (tsx, the tests) there is no
 * build beside it, and the runner loads the source through tsx.
 */
function workerEntry(): string {
  const built = join(__dirname, 'worker.js');
  return existsSync(built) ? built : join(__dirname, '../jobs/worker.ts');
}

function createWindow(): void {
  mainWindow = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
}

/** app:// serves the renderer from its own host only, and the unlock page while one is open. */
function serveApp(): void {
  const rendererDir = join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir, unlocker));
}

/**
 * SQLite's temporary files (large sorts, VACUUM) and Node's (spooled
 * exports) go to a folder of the app's own, readable by this user only and
 * emptied at each start, never to the shared /tmp.
 */
function privateTemp(userData: string): void {
  const dir = join(userData, 'tmp');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { recursive: true, force: true });
  for (const v of ['SQLITE_TMPDIR', 'TMPDIR', 'TMP', 'TEMP']) process.env[v] = dir;
}

/** The unlock window: resolves with a key that opens the database, or null when the user quits. */
function askForKey(dbPath: string, platform: ReturnType<typeof electronPlatform>, nativeBinding: string | undefined): Promise<DatabaseKey | null> {
  return new Promise((resolve) => {
    const locale = app.getLocale?.() ?? 'en';
    const win = new BrowserWindow({ width: 520, height: 360, resizable: false, title: 'Rapport', webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    const finish = (key: DatabaseKey | null) => {
      unlocker = null;
      if (!win.isDestroyed()) win.destroy();
      resolve(key);
    };
    const opens = (key: DatabaseKey) => {
      try {
        openConnection(dbPath, { readonly: true, nativeBinding, key }).close();
        return true;
      } catch {
        return false;
      }
    };
    unlocker = {
      page: unlockPage(locale),
      attempt: async (typed) => {
        const key = await unlockWith(dbPath, platform.secrets, typed, opens);
        if (!key) return { ok: false, message: unlockWrong(locale) };
        setImmediate(() => finish(key));
        return { ok: true };
      },
      quit: () => finish(null),
    };
    win.on('closed', () => unlocker && finish(null));
    void win.loadURL(`${APP_ORIGIN}/unlock`);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  privateTemp(userData);
  // Before any window (the unlock window included): no permission is ever granted.
  denyAllPermissions(session.defaultSession);
  serveApp();
  const dbPath = join(userData, 'rapport.db');
  const nativeBinding = electronNativeBinding(app.getAppPath(), process.versions.electron, app.isPackaged);
  const migrationsFolder = findMigrationsFolder(app.getAppPath());
  const platform = electronPlatform(() => mainWindow);
  const ask = (title: string, message: string, detail: string, buttons: string[]) =>
    dialog.showMessageBoxSync({ type: 'error', title, message, detail, buttons, defaultId: 0, cancelId: buttons.length - 1 });
  // The key from the OS's store; a new database gets a new key, so it is encrypted from its first byte.
  let { key, unlock } = keyAtStart(dbPath, platform.secrets);
  let db: Db | null = null;
  for (;;) {
    if (unlock) {
      key = (await askForKey(dbPath, platform, nativeBinding)) ?? undefined;
      if (!key) return void app.quit();
    }
    // A short busy wait on the main process: writes that meet an import's lock are retried on timers by the router.
    const opened = openOrRecover(dbPath, migrationsFolder, { nativeBinding, busyTimeoutMs: 20, key }, { ask, canUnlock: true });
    if (opened === 'unlock') {
      unlock = true;
      continue;
    }
    if (!opened) return void app.quit();
    db = opened;
    break;
  }
  const openOptions = { nativeBinding, busyTimeoutMs: 20 };
  ensureDefaultClientTypes(db);
  const jobs = jobRegistry({ emit: platform.emit });
  const runTask = workerTaskRunner(workerEntry(), nativeBinding);
  const router = createRouter(db, createHandlers({ version: app.getVersion(), platform, jobs, runTask, backups: true, migrationsFolder, openOptions }));
  registerIpc(ipcMain, router, trustedOrigins);
  createWindow();
  starting = false;
  // An existing plain database is encrypted in place (a job with progress, after a verified backup) before the day's backup.
  if (!db.key && keyProtection(platform.secrets) !== 'none') void router.handle('privacy.encrypt', {});
  scheduleDailyBackups(db, jobs, runTask, { nativeBinding });
  schedulePrivacyUpkeep(db);
  // Temporary files of an import the app was killed in the middle of (hundreds of megabytes for a large file).
  setTimeout(sweepImportWork, 5_000);
  // The analytics store loads in its worker while the window comes up: the first report does not wait for it.
  void warmUp(db, { runTask }, WARM_QUERIES);
  const opened = db;
  app.on('before-quit', () => {
    stopAnalyticsHost(opened);
    opened.sqlite.close();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, trustedOrigins, openExternal));
  app.on('window-all-closed', () => {
    if (!starting) app.quit();
  });
  void start();
}
