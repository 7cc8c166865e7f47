import { join } from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { Platform } from '../platform';

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
    emit: (name, payload) => {
      const w = window();
      if (w && !w.isDestroyed()) w.webContents.send(name, payload);
    },
  };
}
