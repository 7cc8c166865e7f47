import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { findMigrationsFolder } from '../db/migrations-path';
import { createHandlers } from '../app';
import { createRouter } from '../router';
import { ensureDefaultClientTypes } from '../features/accounts/client-types';
import { resolveAppFile, responseHeaders } from './app-protocol';
import { workerTaskRunner } from '../jobs/worker-runner';
import { jobRegistry } from '../jobs/registry';
import { scheduleDailyBackups } from '../features/backups/daily';
import { openOrRecover } from './open-or-recover';
import { electronPlatform } from './platform';
import { registerIpc } from './ipc';
import { electronNativeBinding } from './native-binding';
import { APP_ORIGIN, APP_SCHEME, denyAllPermissions, guardWebContents, originOf } from './security';
import { windowOptions } from './window';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trustedOrigins = [APP_ORIGIN, ...(devServer ? [originOf(devServer)!] : [])];
let mainWindow: BrowserWindow | null = null;

const openExternal = (url: string) => void shell.openExternal(url);

function createWindow(): void {
  mainWindow = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
}

function serveRenderer(): void {
  const rendererDir = join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), { headers: responseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const dbPath = join(app.getPath('userData'), 'rapport.db');
  const nativeBinding = electronNativeBinding(app.getAppPath(), process.versions.electron, app.isPackaged);
  const migrationsFolder = findMigrationsFolder(app.getAppPath());
  // A short busy wait on the main process: writes that meet an import's lock are retried on timers by the router.
  const openOptions = { nativeBinding, busyTimeoutMs: 20 };
  const db = openOrRecover(dbPath, migrationsFolder, openOptions, {
    ask: (title, message, detail, buttons) => dialog.showMessageBoxSync({ type: 'error', title, message, detail, buttons, defaultId: 0, cancelId: buttons.length - 1 }),
  });
  if (!db) {
    app.quit();
    return;
  }
  ensureDefaultClientTypes(db);
  const platform = electronPlatform(() => mainWindow);
  const jobs = jobRegistry({ emit: platform.emit });
  const runTask = workerTaskRunner(join(__dirname, 'worker.js'), nativeBinding);
  const router = createRouter(db, createHandlers({ version: app.getVersion(), platform, jobs, runTask, backups: true, migrationsFolder, openOptions }));
  registerIpc(ipcMain, router, trustedOrigins);
  denyAllPermissions(session.defaultSession);
  serveRenderer();
  createWindow();
  scheduleDailyBackups(db, jobs, runTask, { nativeBinding });
  app.on('before-quit', () => db.sqlite.close());
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
  app.on('window-all-closed', () => app.quit());
  void start();
}
