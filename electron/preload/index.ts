import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/contract';
import { buildEvents } from '../../shared/contract/events';

// Only the contract's channels and events cross the bridge; ipcRenderer itself never does.
contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
contextBridge.exposeInMainWorld(
  'events',
  buildEvents((name, listener) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(name, handler);
    return () => void ipcRenderer.removeListener(name, handler);
  }),
);
