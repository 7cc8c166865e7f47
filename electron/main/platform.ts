import { join } from 'node:path';
import { app, BrowserWindow, dialog, safeStorage, shell } from 'electron';
import type { Platform, SecretStore } from '../platform';

/**
 * Electron's safeStorage: Keychain on macOS, DPAPI on Windows, libsecret or
 * kwallet on Linux. Without a keyring Linux falls back to a fixed password
 * ('basic_text'): still sealed, but weakly, and the Privacy settings say so.
 */
export const electronSecrets: SecretStore = {
  protection: () => {
    if (!safeStorage.isEncryptionAvailable()) return 'none';
    return process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend()) ? 'weak' : 'os';
  },
  seal: (secret) => new Uint8Array(safeStorage.encryptString(secret)),
  unseal: (sealed) => safeStorage.decryptString(Buffer.from(sealed)),
};

/** The platform as Electron gives it: its dialogs, its shell, and the window's IPC for pushed events. */
export function electronPlatform(window: () => BrowserWindow | null): Platform {
  return {
    openExternal: (url) => void shell.openExternal(url),
    chooseImportFile: async () => {
      const w = window();
      const options = {
        properties: ['openFile' as const],
        filters: [{ name: 'Excel or CSV', extensions: ['xlsx', 'csv', 'txt', 'tsv'] }, { name: 'All files', extensions: ['*'] }],
      };
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    chooseSavePath: async (suggestedName) => {
      const w = window();
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] };
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : (r.filePath ?? null);
    },
    printToPdf: async (html, opts = {}) => {
      // A hidden window without preload or Node: the document is data, rendered and printed, then thrown away.
      const w = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
      try {
        await w.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const pdf = await w.webContents.printToPDF({
          landscape: opts.landscape ?? false,
          printBackground: true,
          displayHeaderFooter: Boolean(opts.headerTemplate || opts.footerTemplate),
          headerTemplate: opts.headerTemplate ?? '<span></span>',
          footerTemplate: opts.footerTemplate ?? '<span></span>',
        });
        return new Uint8Array(pdf);
      } finally {
        w.destroy();
      }
    },
    secrets: electronSecrets,
    emit: (name, payload) => {
      const w = window();
      if (w && !w.isDestroyed()) w.webContents.send(name, payload);
    },
  };
}
